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
import java.util.List;
import java.util.Optional;

/**
 * A job whose deadline passed before a verdict: {@link JobEvent#EXPIRE} (allowed up to RESULTS_PENDING, see {@link
 * JobLifecycle}), once the deadline has passed on the multiparty clock for t member orgs other than the submitter's
 * (the org that gains the refund cannot close the deadline alone). Replicas still leased (ASSIGNED or RUNNING) are
 * released: the job pays none of its replicas, its escrow goes back to the submitter ({@code JobFunds}).
 */
public final class JobExpiry {
    static final String WHY = "the deadline passed on the multiparty clock before a verdict";

    private JobExpiry() {}

    /**
     * @param at the transaction time (bounded by the clock), ISO-8601 UTC
     * @return the EXPIRED job
     * @throws PovmException INVALID_STATE [state] when the job is past the point a deadline ends it (a verdict, or
     *     final); INVALID_STATE [deadline] while the clock has not passed its deadline
     */
    public static Job expire(final Job job, final MultipartyClock clock, final String at) {
        final Job expired = JobLifecycle.apply(job, JobEvent.EXPIRE, at, Optional.of(WHY));
        final Instant deadline = Instant.parse(job.spec().deadline());
        final String submitterOrg = job.submitter().msp();
        if (!clock.hasPassed(deadline, submitterOrg)) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "deadline",
                    "job '" + job.id() + "' cannot expire yet: " + clock.explainNotPassed(deadline, submitterOrg)));
        }
        final List<Replica> released = expired.replicas().stream()
                .map(r -> r.isLeased() ? r.withState(ReplicaState.RELEASED) : r)
                .toList();
        return expired.withReplicas(released);
    }
}
