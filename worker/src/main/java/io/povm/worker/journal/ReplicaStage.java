// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.journal;

import java.util.EnumSet;
import java.util.Set;

/** Where this worker is with one replica, as recorded in the {@link ReportJournal}. */
public enum ReplicaStage {
    /** The worker acknowledged the replica's lease; it has not got a result yet. */
    ACCEPTED,
    /**
     * The replica ran; its sealed result (commitment and signed reveal) is journaled and waits to be committed (after a
     * crash: commit exactly this, never re-run).
     */
    RESULT_READY,
    /** The ledger confirmed the commitment; the reveal waits until no replica of the job is leased any more. */
    COMMITTED,
    /** The ledger took the reveal (the replica is RESULT_REVEALED, or FAULTED); finished. */
    REVEALED,
    /** Before commit-reveal: the ledger confirmed the plain report. Only read from old journals; finished. */
    REPORTED,
    /** The worker gave the replica back (e.g. its image is not allowed, or the start window passed); finished. */
    RELEASED,
    /** The worker gave up on the replica (e.g. drain timeout, lease expired on the ledger); finished. */
    ABANDONED;

    /** @return whether nothing more will happen to the replica on this worker */
    public boolean isFinished() {
        return this == REVEALED || this == REPORTED || this == RELEASED || this == ABANDONED;
    }

    /** @return the stages a replica may move to from this one */
    Set<ReplicaStage> next() {
        switch (this) {
            case ACCEPTED:
                return EnumSet.of(RESULT_READY, RELEASED, ABANDONED);
            case RESULT_READY:
                return EnumSet.of(COMMITTED, REPORTED, ABANDONED);
            case COMMITTED:
                return EnumSet.of(REVEALED, ABANDONED);
            default:
                return EnumSet.noneOf(ReplicaStage.class);
        }
    }
}
