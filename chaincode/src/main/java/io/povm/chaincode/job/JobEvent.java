// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

/**
 * What happens to a job, as {@link JobLifecycle} sees it: each event moves the job from one {@link
 * io.povm.api.JobState} to another, or keeps it (the replica-level events), or is refused. The transactions that
 * raise them are named here.
 */
public enum JobEvent {
    /** Workers were drawn for the job's first replicas (assignment). */
    ASSIGN,
    /** The first assigned worker acknowledged its lease and started (lease acknowledgement). */
    START,
    /**
     * Replica-level: another replica acknowledged, heartbeated, committed or revealed its result while the job stays
     * where it is.
     */
    REPLICA_UPDATE,
    /** Replica-level: a replica's lease expired and the replica moved to a worker of another org. */
    REASSIGN,
    /** The last running replica committed its result; results are now revealed and counted. */
    ALL_RESULTS_IN,
    /**
     * More replica runs are needed after the results came in: iterative redundancy has not reached its margin and is
     * below its cap, or a replica that withheld its reveal was replaced.
     */
    REOPEN,
    /** A majority (or the iterative margin) agrees on a result; the challenge window opens. */
    SOFT_RESOLVE,
    /** Someone challenged the soft result within the challenge window ({@code ChallengeJob}). */
    CHALLENGE,
    /** The challenge's verification (re-execution by other workers) began ({@code ChallengeJob}, with the re-run replicas drawn). */
    START_RESOLUTION,
    /** The verification settled the challenge; the result is firm ({@code RevealResult} or {@code AdvanceJob}). */
    FIRM_RESOLVE,
    /** The result is final: the challenge window closed unchallenged, or the result became firm ({@code FinalizeJob}). */
    FINALIZE,
    /** The submitter withdrew the job before it was assigned ({@code CancelJob}). */
    CANCEL,
    /** The job's deadline passed before it had a result. */
    EXPIRE,
    /** The job cannot produce a result: no agreement at the replica cap, every replica failed, no verification. */
    FAIL
}
