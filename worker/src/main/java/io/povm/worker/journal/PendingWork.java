// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.journal;

import java.util.List;

/**
 * What a restarted daemon must finish, from the journal: replicas it accepted but has no result for (run them again
 * if the lease and start window allow, otherwise release them), sealed results it has not seen committed (commit
 * exactly these; never run such a replica again), and commitments it has not revealed yet (reveal the journaled
 * reveal once the job's reveal window is open).
 */
public final class PendingWork {
    private final List<ReplicaRecord> accepted;
    private final List<ReplicaRecord> toCommit;
    private final List<ReplicaRecord> toReveal;

    PendingWork(
            final List<ReplicaRecord> accepted,
            final List<ReplicaRecord> toCommit,
            final List<ReplicaRecord> toReveal) {
        this.accepted = List.copyOf(accepted);
        this.toCommit = List.copyOf(toCommit);
        this.toReveal = List.copyOf(toReveal);
    }

    /** @return replicas in {@link ReplicaStage#ACCEPTED}, oldest first */
    public List<ReplicaRecord> accepted() {
        return accepted;
    }

    /** @return replicas in {@link ReplicaStage#RESULT_READY}, oldest first, each with its sealed result */
    public List<ReplicaRecord> toCommit() {
        return toCommit;
    }

    /** @return replicas in {@link ReplicaStage#COMMITTED}, oldest first, each with its sealed result */
    public List<ReplicaRecord> toReveal() {
        return toReveal;
    }

    public boolean isEmpty() {
        return accepted.isEmpty() && toCommit.isEmpty() && toReveal.isEmpty();
    }

    @Override
    public String toString() {
        return accepted.size() + " accepted without result " + accepted + ", " + toCommit.size()
                + " result(s) to commit " + toCommit + ", " + toReveal.size() + " commitment(s) to reveal " + toReveal;
    }
}
