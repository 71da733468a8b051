// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.chaincode.clock.MultipartyClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A replica's lease ending before its result: it expired (anyone may close it, once the member orgs' clocks agree
 * that its deadline passed) or its worker released it. Either way the replica moves to a worker of another org when
 * one is eligible; see {@link ReplicaChange}. Pure, like the rest of the job package.
 */
public final class JobLeases {
    private JobLeases() {}

    /**
     * Expires replica {@code index}'s lease: an ASSIGNED replica's start deadline ({@code acknowledgeBy}) or a
     * RUNNING replica's finish deadline ({@code finishBy}) must have passed on the multiparty clock, counting only
     * orgs other than the replica's worker's.
     *
     * @throws PovmException INVALID_ARGUMENT [replica] for an index the job does not have; INVALID_STATE [replica]
     *     for a replica not ASSIGNED or RUNNING, or without a deadline; INVALID_STATE [deadline] when the deadline
     *     has not passed on enough member orgs' clocks, naming them
     */
    public static ReplicaChange expire(
            final Job job, final int index, final MultipartyClock clock, final ReplicaDraw draw) {
        final Replica target = JobReplicas.replica(job, index);
        JobReplicas.requireLeased(target, "expired");
        final Optional<String> deadline =
                target.state() == ReplicaState.ASSIGNED ? target.acknowledgeBy() : target.finishBy();
        final String which = target.state() == ReplicaState.ASSIGNED ? "acknowledgeBy" : "finishBy";
        if (deadline.isEmpty()) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "replica",
                    "replica " + index + " has no " + which + " deadline (stored before leases existed)"));
        }
        final Instant due = Instant.parse(deadline.get());
        if (!clock.hasPassed(due, target.msp())) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "deadline",
                    "replica " + index + "'s lease (" + which + ") cannot expire yet: "
                            + clock.explainNotPassed(due, target.msp())));
        }
        final Replica expired = target.withState(ReplicaState.LEASE_EXPIRED);
        return ReplicaChange.replace(with(job, expired), expired, draw);
    }

    /**
     * The worker holding replica {@code index} gives it back, e.g. because its org refuses the job's image or the
     * worker drains. Not counted as a timeout.
     *
     * @throws PovmException FORBIDDEN [caller] unless the caller is the replica's worker; INVALID_STATE [replica]
     *     for a replica not ASSIGNED or RUNNING
     */
    public static ReplicaChange release(
            final Job job, final int index, final Optional<String> callerWorkerKey, final ReplicaDraw draw) {
        final Replica target = JobReplicas.ownReplica(job, index, callerWorkerKey, "release");
        JobReplicas.requireLeased(target, "released");
        final Replica released = target.withState(ReplicaState.RELEASED);
        return ReplicaChange.replace(with(job, released), released, draw);
    }

    private static Job with(final Job job, final Replica changed) {
        final List<Replica> replicas = new ArrayList<>(job.replicas());
        replicas.set(changed.index(), changed);
        return job.withReplicas(replicas);
    }
}
