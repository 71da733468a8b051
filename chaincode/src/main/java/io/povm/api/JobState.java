// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/**
 * Where a job is in its life: the ECM request lifecycle (paper 003) extended for replicas. A job starts {@link
 * #SUBMITTED}; {@code io.povm.chaincode.job.JobLifecycle} defines which event leads from which state to which (see
 * {@code docs/job-lifecycle.md}). {@link #FINALIZED}, {@link #CANCELLED}, {@link #EXPIRED} and {@link #FAILED} are
 * final.
 */
public enum JobState {
    /** Accepted on the ledger, waiting for workers. */
    SUBMITTED,
    /** Workers have been drawn for its replicas. */
    ASSIGNED,
    /** At least one assigned worker has started a replica; more replicas may still be starting or running. */
    RUNNING,
    /** Every running replica has committed its result; results are being revealed and counted. */
    RESULTS_PENDING,
    /** A majority of replicas (or the iterative margin) agrees; the result stands unless challenged in time. */
    RESOLVED_SOFT,
    /** A soft result has been challenged. */
    CHALLENGED,
    /** The challenge is being settled by further executions. */
    RESOLVING,
    /** The result survived or settled a challenge. */
    RESOLVED_FIRM,
    /** The result is final and rewards and penalties are applied. */
    FINALIZED,
    /** The submitter withdrew the job before it was assigned. */
    CANCELLED,
    /** The job's deadline passed before it had a result. */
    EXPIRED,
    /** The job cannot produce a result, e.g. no agreement at the replica cap, or every replica failed. */
    FAILED
}
