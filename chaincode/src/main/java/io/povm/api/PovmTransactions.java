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

    /** Longest reason CancelJob accepts, in characters. */
    public static final int MAX_REASON_CHARS = 256;

    /** Largest page size ListJobs accepts. */
    public static final int MAX_PAGE_SIZE = 200;

    private PovmTransactions() {}
}
