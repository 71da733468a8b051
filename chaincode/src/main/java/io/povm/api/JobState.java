package io.povm.api;

/**
 * Where a job is in its life. A job starts {@link #SUBMITTED}; the states after it are reached by the
 * assignment, execution, voting and challenge transactions.
 */
public enum JobState {
    /** Accepted on the ledger, waiting for workers. */
    SUBMITTED,
    /** Workers have been drawn for its replicas. */
    ASSIGNED,
    /** At least one assigned worker has started a replica. */
    RUNNING,
    /** Replicas have committed results that are not yet revealed or counted. */
    RESULTS_PENDING,
    /** A majority of replicas agree; the result stands unless challenged within the challenge window. */
    RESOLVED_SOFT,
    /** A soft result has been challenged. */
    CHALLENGED,
    /** The challenge is being settled by further executions. */
    RESOLVING,
    /** The result survived or settled a challenge. */
    RESOLVED_FIRM,
    /** The result is final and rewards and penalties are applied. */
    FINALIZED,
    /** The submitter withdrew the job before it resolved. */
    CANCELLED,
    /** No result was reached before the deadline of the job's SLA. */
    EXPIRED,
    /** The job cannot produce a result, e.g. every replica failed. */
    FAILED
}
