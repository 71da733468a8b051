// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/**
 * Names shared by the chaincode and its clients: the contract, its transactions, its events and its limits.
 *
 * <pre>{@code
 * Contract contract = network.getContract(CHAINCODE_NAME, PovmTransactions.CONTRACT);
 * byte[] job = contract.submitTransaction(PovmTransactions.SUBMIT_JOB, PovmJson.write(spec));
 * }</pre>
 */
public final class PovmTransactions {
    /** The contract name inside the chaincode; it is also the default contract. */
    public static final String CONTRACT = "povm";

    /** {@code SubmitJob(specJson)} → the stored {@link Job} as JSON. */
    public static final String SUBMIT_JOB = "SubmitJob";

    /**
     * {@code SubmitJobs(specsJson, lot)} → a {@link JobBatch}: 1 to {@value #MAX_BATCH} jobs in one transaction, each
     * checked as {@code SubmitJob} checks it, all or none; their escrows move in one debit from the caller's lot
     * {@code lot} (its rest to a new lot) or, with {@code lot} {@code ""}, from the caller's account.
     */
    public static final String SUBMIT_JOBS = "SubmitJobs";

    /** The most jobs one {@code SubmitJobs} submits. */
    public static final int MAX_BATCH = 100;

    /** The largest {@code specsJson} of {@code SubmitJobs}, in bytes (1 MiB). */
    public static final int MAX_BATCH_BYTES = 1024 * 1024;

    /** Chaincode event set by a SubmitJobs that created a job; its payload is the {@link JobBatch} JSON. */
    public static final String JOBS_SUBMITTED_EVENT = "JobsSubmitted";

    /** {@code GetJob(id)} → the {@link Job} as JSON. */
    public static final String GET_JOB = "GetJob";

    /** {@code ListJobs(pageSize, bookmark)} → a {@link JobPage} as JSON. */
    public static final String LIST_JOBS = "ListJobs";

    /** {@code CancelJob(id, reason)} → the cancelled {@link Job} as JSON; only its submitter, only while SUBMITTED. */
    public static final String CANCEL_JOB = "CancelJob";

    /** {@code ListJobsByState(state, pageSize, bookmark)} → a {@link JobPage} of the jobs in one state. */
    public static final String LIST_JOBS_BY_STATE = "ListJobsByState";

    /** {@code ListJobsBySubmitter(msp, submitterId, pageSize, bookmark)} → a {@link JobPage}; {@code ""} ids: caller. */
    public static final String LIST_JOBS_BY_SUBMITTER = "ListJobsBySubmitter";

    /** {@code GetJobHistory(id)} → a {@link JobHistory}: every committed version of the job, newest first. */
    public static final String GET_JOB_HISTORY = "GetJobHistory";

    /** Chaincode event set by a SubmitJob that created a job; its payload is the {@link Job} JSON. */
    public static final String JOB_SUBMITTED_EVENT = "JobSubmitted";

    /** Chaincode event set by CancelJob; its payload is the cancelled {@link Job} JSON. */
    public static final String JOB_CANCELLED_EVENT = "JobCancelled";

    /**
     * {@code AssignJob(id)} → the ASSIGNED {@link Job}: its replicas drawn from eligible workers of distinct orgs.
     * INTERIM: seeded from the assigning transaction's id, which its creator can grind; the beacon replaces it.
     */
    public static final String ASSIGN_JOB = "AssignJob";

    /** {@code AcknowledgeReplica(id, replica)} → the {@link Job}; only the worker assigned to the replica may. */
    public static final String ACKNOWLEDGE_REPLICA = "AcknowledgeReplica";

    /** Chaincode event set by AssignJob; its payload is the {@link Job} JSON with its replicas. */
    public static final String JOB_ASSIGNED_EVENT = "JobAssigned";

    /** Chaincode event set by AcknowledgeReplica; its payload is the {@link Job} JSON. */
    public static final String REPLICA_ACKNOWLEDGED_EVENT = "ReplicaAcknowledged";

    /**
     * {@code ExpireLease(id, replica)} → the {@link Job}: anyone closes a replica's lease once a majority of the other
     * orgs' clock ticks passed its deadline; the replica moves to a worker of another org.
     */
    public static final String EXPIRE_LEASE = "ExpireLease";

    /** {@code ReleaseReplica(id, replica, reason)} → the {@link Job}; the replica's worker gives it back. */
    public static final String RELEASE_REPLICA = "ReleaseReplica";

    /**
     * {@code CommitResult(id, replica, commitment)} → the {@link Job}; only the replica's worker may. The commitment is
     * {@link Commitment#of}; see {@code docs/consensus.md}.
     */
    public static final String COMMIT_RESULT = "CommitResult";

    /**
     * {@code RevealResult(id, replica, revealJson)} → the {@link Job}; only the replica's worker, once every replica
     * committed. A {@link Reveal} that does not open the commitment is recorded as a fault.
     */
    public static final String REVEAL_RESULT = "RevealResult";

    /**
     * {@code AdvanceJob(id)} → the {@link Job}: any member closes an overdue reveal window, counts the verdict and
     * draws the replicas iterative redundancy or a dispute still needs. Refused when there is nothing to do.
     */
    public static final String ADVANCE_JOB = "AdvanceJob";

    /**
     * {@code ChallengeJob(id, reason)} → the {@link Job}: its submitter or any member identity challenges a soft
     * verdict within the challenge window, posting a deposit; re-run replicas are drawn.
     */
    public static final String CHALLENGE_JOB = "ChallengeJob";

    /**
     * {@code AuditJob(id)} → the {@link Job} RESOLVING: any member identity starts the random audit of a job its
     * audit round selected; as many fresh workers as its first run had re-run it.
     */
    public static final String AUDIT_JOB = "AuditJob";

    /**
     * {@code GetJobAudit(id)} → {@link io.povm.api.beacon.JobAudit}: the job's audit round and whether it selected
     * the job.
     */
    public static final String GET_JOB_AUDIT = "GetJobAudit";

    /**
     * {@code FinalizeJob(id)} → the FINALIZED {@link Job}: once the challenge window closed (or the dispute decided),
     * any member settles the job's credits, exactly once.
     */
    public static final String FINALIZE_JOB = "FinalizeJob";

    /**
     * {@code ExpireJob(id)} → the EXPIRED {@link Job}: once the job's deadline passed on the multiparty clock with no
     * verdict (t member orgs other than the submitter's ticked past it), any member identity ends it; its escrow goes
     * back to the submitter exactly once and no replica is paid.
     */
    public static final String EXPIRE_JOB = "ExpireJob";

    /**
     * {@code GetCustomerRecord(msp, id)} → the {@link CustomerRecord}: jobs with a verdict and how many broke their
     * SLA's limits; {@code ""} for both means the caller.
     */
    public static final String GET_CUSTOMER_RECORD = "GetCustomerRecord";

    /** {@code GetAttestations(id)} → {@link JobAttestations}: the job's stored signed attestations, by replica. */
    public static final String GET_ATTESTATIONS = "GetAttestations";

    /** {@code ListJobsByWorker(workerKey, pageSize, bookmark)} → a JobPage of the jobs the worker holds or held. */
    public static final String LIST_JOBS_BY_WORKER = "ListJobsByWorker";

    /** Chaincode event set by ExpireLease; its payload is the {@link Job} JSON with the replacement replica. */
    public static final String LEASE_EXPIRED_EVENT = "LeaseExpired";

    /** Chaincode event set by ReleaseReplica; its payload is the {@link Job} JSON with the replacement replica. */
    public static final String REPLICA_RELEASED_EVENT = "ReplicaReleased";

    /** Chaincode event set by CommitResult; its payload is the {@link Job} JSON. */
    public static final String RESULT_COMMITTED_EVENT = "ResultCommitted";

    /** Chaincode event set by RevealResult; its payload is the {@link Job} JSON (with the verdict once counted). */
    public static final String RESULT_REVEALED_EVENT = "ResultRevealed";

    /** Chaincode event set by AdvanceJob; its payload is the {@link Job} JSON. */
    public static final String JOB_ADVANCED_EVENT = "JobAdvanced";

    /** Chaincode event set by ChallengeJob; its payload is the {@link Job} JSON with the re-run replicas. */
    public static final String JOB_CHALLENGED_EVENT = "JobChallenged";

    /** Chaincode event set by FinalizeJob; its payload is the FINALIZED {@link Job} JSON. */
    public static final String JOB_FINALIZED_EVENT = "JobFinalized";

    /** Chaincode event set by ExpireJob; its payload is the EXPIRED {@link Job} JSON. */
    public static final String JOB_EXPIRED_EVENT = "JobExpired";

    /** Longest reason CancelJob accepts, in characters. */
    public static final int MAX_REASON_CHARS = 256;

    /** Largest page size ListJobs accepts. */
    public static final int MAX_PAGE_SIZE = 200;

    private PovmTransactions() {}
}
