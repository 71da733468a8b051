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

    /** Chaincode event set by a SubmitJob that created a job; its payload is the {@link Job} JSON. */
    public static final String JOB_SUBMITTED_EVENT = "JobSubmitted";

    /** Largest page size ListJobs accepts. */
    public static final int MAX_PAGE_SIZE = 200;

    private PovmTransactions() {}
}
