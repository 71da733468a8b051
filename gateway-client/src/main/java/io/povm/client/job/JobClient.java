package io.povm.client.job;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.JobSpec;
import io.povm.api.JobSpecValidator;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import java.util.Objects;
import java.util.Optional;

/**
 * Submits and reads jobs through the povm chaincode.
 *
 * <pre>{@code
 * try (PovmGateway gateway = PovmGateway.connect(profile)) {
 *     JobClient jobs = new JobClient(gateway.chaincode());
 *     Job job = jobs.submit(spec);
 *     JobPage first = jobs.list(50, "");
 * }
 * }</pre>
 *
 * <p>Every method throws {@link PovmClientException}; a refusal by the chaincode is {@link
 * PovmClientException.Kind#REJECTED} with the chaincode's {@code io.povm.api.PovmError}.
 */
public final class JobClient {
    /** The largest page {@link #list(int, String)} accepts. */
    public static final int MAX_PAGE_SIZE = PovmTransactions.MAX_PAGE_SIZE;

    private final PovmChaincode chaincode;

    public JobClient(final PovmChaincode chaincode) {
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
    }

    /**
     * Checks the spec with the chaincode's own rules, then submits it and waits for the commit. Submitting the same
     * spec again as the same user returns the stored job unchanged.
     *
     * @return the job as stored on the ledger
     * @throws PovmClientException REJECTED with INVALID_ARGUMENT naming the field, or DUPLICATE_ID [id] when the id
     *     is taken by a different spec
     */
    public Job submit(final JobSpec spec) {
        final String json;
        try {
            json = JobSpecValidator.checkSize(PovmJson.write(JobSpecValidator.validate(spec)));
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
        return read(chaincode.submit(PovmTransactions.SUBMIT_JOB, json), Job.class, PovmTransactions.SUBMIT_JOB);
    }

    /**
     * @return the job with this id
     * @throws PovmClientException REJECTED with NOT_FOUND [id] when there is none
     */
    public Job get(final String id) {
        try {
            JobSpecValidator.validateId(id);
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
        return read(chaincode.evaluate(PovmTransactions.GET_JOB, id), Job.class, PovmTransactions.GET_JOB);
    }

    /** @return the job with this id, or empty when the ledger has none */
    public Optional<Job> find(final String id) {
        try {
            return Optional.of(get(id));
        } catch (PovmClientException e) {
            if (e.errorCode().filter(ErrorCode.NOT_FOUND::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @param bookmark {@code ""} for the first page, else the previous page's {@link JobPage#bookmark()}
     * @return one page of jobs in id order
     */
    public JobPage list(final int pageSize, final String bookmark) {
        Objects.requireNonNull(bookmark, "bookmark");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            final PovmException e =
                    PovmException.invalid("pageSize", "must be from 1 to " + MAX_PAGE_SIZE + "; got " + pageSize);
            throw PovmClientException.rejected(e.error(), e);
        }
        return read(
                chaincode.evaluate(PovmTransactions.LIST_JOBS, Integer.toString(pageSize), bookmark),
                JobPage.class,
                PovmTransactions.LIST_JOBS);
    }

    private static <T> T read(final String json, final Class<T> type, final String transaction) {
        try {
            return PovmJson.read(json, type);
        } catch (PovmException e) {
            throw PovmClientException.internal(
                    "unexpected " + transaction + " response from the chaincode: " + e.getMessage(), e);
        }
    }
}
