// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.JobSpecValidator;
import io.povm.api.PovmException;
import io.povm.api.Submitter;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt to submit a job, and the decision it leads to given what the ledger already holds under the job's
 * id: create a new job, replay the identical earlier submission (same spec, same submitter: nothing is written),
 * or reject the id as taken. Only a new job's deadline is checked against the transaction timestamp, so that a
 * retried identical submission still returns the stored job.
 */
public final class JobSubmission {
    private final JobSpec spec;
    private final Submitter submitter;
    private final Instant txTimestamp;
    private final String submittedAt;
    private final String txId;

    /**
     * @param spec a validated spec
     * @param txTimestamp the transaction timestamp
     * @param submittedAt the same timestamp as ISO-8601 UTC with milliseconds
     * @param txId the submitting transaction's id
     */
    public JobSubmission(
            final JobSpec spec,
            final Submitter submitter,
            final Instant txTimestamp,
            final String submittedAt,
            final String txId) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.submitter = Objects.requireNonNull(submitter, "submitter");
        this.txTimestamp = Objects.requireNonNull(txTimestamp, "txTimestamp");
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        this.txId = Objects.requireNonNull(txId, "txId");
    }

    public String jobId() {
        return spec.id();
    }

    /**
     * @param stored the job already on the ledger under this id, if any
     * @throws PovmException DUPLICATE_ID [id] when the id holds a different spec or another submitter's job;
     *     INVALID_ARGUMENT [deadline] when a new job's deadline is not 60 s to 7 days after the transaction timestamp
     */
    public Decision decide(final Optional<Job> stored) {
        if (stored.isEmpty()) {
            JobSpecValidator.checkDeadline(spec, txTimestamp);
            return new Decision(Job.submitted(spec, submitter, submittedAt, txId), true);
        }
        final Job existing = stored.get();
        if (existing.spec().equals(spec) && existing.submitter().equals(submitter)) {
            return new Decision(existing, false);
        }
        throw PovmException.duplicate(
                "id",
                "job '" + spec.id() + "' already exists (submitted by "
                        + existing.submitter().msp() + " at " + existing.submittedAt() + "); choose another id");
    }

    /** The job to return, and whether it is new and must be written. */
    public static final class Decision {
        private final Job job;
        private final boolean created;

        private Decision(final Job job, final boolean created) {
            this.job = job;
            this.created = created;
        }

        public Job job() {
            return job;
        }

        /** @return true for a new job; false when an identical submission is replayed */
        public boolean created() {
            return created;
        }
    }
}
