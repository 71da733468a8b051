// SPDX-License-Identifier: Apache-2.0
package io.povm.client.job;

import io.povm.api.CustomerRecord;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobAttestations;
import io.povm.api.JobBatch;
import io.povm.api.JobHistory;
import io.povm.api.JobPage;
import io.povm.api.JobSpec;
import io.povm.api.JobSpecValidator;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.api.Reveal;
import io.povm.api.beacon.JobAudit;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Submits, cancels and reads jobs through the povm chaincode.
 *
 * <pre>{@code
 * try (PovmGateway gateway = PovmGateway.connect(profile)) {
 *     JobClient jobs = new JobClient(gateway.chaincode());
 *     Job job = jobs.submit(spec);
 *     JobPage waiting = jobs.listByState(JobState.SUBMITTED, 50, "");
 *     Job cancelled = jobs.cancel(job.id(), "wrong input");
 *     JobHistory history = jobs.history(job.id());   // newest version first
 * }
 * }</pre>
 *
 * <p>Every method throws {@link PovmClientException}; a refusal by the chaincode is {@link
 * PovmClientException.Kind#REJECTED} with the chaincode's {@code io.povm.api.PovmError}. Arguments the chaincode would
 * refuse for their form (ids, page sizes, reasons, spec rules) are refused locally, before anything is sent.
 */
public final class JobClient {
    /** The largest page the listings accept. */
    public static final int MAX_PAGE_SIZE = PovmTransactions.MAX_PAGE_SIZE;

    private final PovmChaincode chaincode;

    public JobClient(final PovmChaincode chaincode) {
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
    }

    /**
     * Checks the spec with the chaincode's own rules, then submits it and waits for the commit. Submitting the same
     * spec again as the same user returns the stored job unchanged. The chaincode checks the deadline against the
     * transaction timestamp (60 s to 7 days ahead).
     *
     * @return the job as stored on the ledger
     * @throws PovmClientException REJECTED with INVALID_ARGUMENT naming the field, or DUPLICATE_ID [id] when the id
     *     is taken by a different spec
     */
    public Job submit(final JobSpec spec) {
        final String json = local(() -> JobSpecValidator.checkSize(PovmJson.write(JobSpecValidator.validate(spec))));
        return read(chaincode.submit(PovmTransactions.SUBMIT_JOB, json), Job.class, PovmTransactions.SUBMIT_JOB);
    }

    /**
     * Checks each spec with the chaincode's own rules, then submits them all in one {@code SubmitJobs} transaction
     * and waits for the commit: all or none, their escrows in one debit.
     *
     * @param specs 1 to {@value PovmTransactions#MAX_BATCH} specs with distinct ids
     * @param lot one of the caller's lots to escrow from ({@code credit:Lots}), or {@code ""} for its account;
     *     concurrent submissions from distinct lots never conflict
     * @return the batch: its jobs as stored, in spec order, what was escrowed and the change lot
     * @throws PovmClientException REJECTED with the first refused spec named {@code specs[i]...}, NOT_FOUND [lot] or
     *     INSUFFICIENT_FUNDS [lot] / [balance]
     */
    public JobBatch submitAll(final List<JobSpec> specs, final String lot) {
        Objects.requireNonNull(specs, "specs");
        Objects.requireNonNull(lot, "lot");
        final List<JobSpec> checked = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            final JobSpec spec = specs.get(i);
            final int index = i;
            checked.add(local(() -> {
                try {
                    JobSpecValidator.checkSize(PovmJson.write(JobSpecValidator.validate(spec)));
                    return spec;
                } catch (PovmException e) {
                    throw new PovmException(new PovmError(
                            e.error().code(),
                            "specs[" + index + "]." + e.error().field(),
                            e.error().reason()));
                }
            }));
        }
        return read(
                chaincode.submit(PovmTransactions.SUBMIT_JOBS, PovmJson.write(checked), lot),
                JobBatch.class,
                PovmTransactions.SUBMIT_JOBS);
    }

    /**
     * Cancels a job of this client's identity while it is still SUBMITTED, and waits for the commit.
     *
     * @param reason why, at most {@value PovmTransactions#MAX_REASON_CHARS} chars on one line; empty for none
     * @return the cancelled job
     * @throws PovmClientException REJECTED with FORBIDDEN [caller] when another identity submitted the job,
     *     INVALID_STATE [state] when it is no longer SUBMITTED, NOT_FOUND [id] when there is none
     */
    public Job cancel(final String id, final String reason) {
        Objects.requireNonNull(reason, "reason");
        local(() -> JobSpecValidator.validateId(id));
        if (reason.length() > PovmTransactions.MAX_REASON_CHARS
                || reason.chars().anyMatch(Character::isISOControl)) {
            throw rejected(PovmException.invalid(
                    "reason",
                    "must be one line of at most " + PovmTransactions.MAX_REASON_CHARS + " chars; got "
                            + reason.length()));
        }
        return read(chaincode.submit(PovmTransactions.CANCEL_JOB, id, reason), Job.class, PovmTransactions.CANCEL_JOB);
    }

    /**
     * Assigns a SUBMITTED job's replicas to eligible workers of distinct orgs, and waits for the commit.
     *
     * @return the ASSIGNED job with its replicas
     * @throws PovmClientException REJECTED with INVALID_STATE [state] when the job is not SUBMITTED, INVALID_STATE
     *     [workers] naming the constraint when no worker is eligible
     */
    public Job assign(final String id) {
        local(() -> JobSpecValidator.validateId(id));
        return read(chaincode.submit(PovmTransactions.ASSIGN_JOB, id), Job.class, PovmTransactions.ASSIGN_JOB);
    }

    /**
     * Takes up a replica as the worker assigned to it (this client's identity), and waits for the commit.
     *
     * @return the job, the replica RUNNING
     * @throws PovmClientException REJECTED with FORBIDDEN [caller] when this identity is not that replica's worker
     */
    public Job acknowledge(final String id, final int replica) {
        local(() -> JobSpecValidator.validateId(id));
        return read(
                chaincode.submit(PovmTransactions.ACKNOWLEDGE_REPLICA, id, Integer.toString(replica)),
                Job.class,
                PovmTransactions.ACKNOWLEDGE_REPLICA);
    }

    /**
     * Closes a replica's lease whose deadline passed on the member orgs' clocks; the replica moves to a worker of
     * another org when one is eligible. Any member org's identity may call it.
     *
     * @return the job, the replica LEASE_EXPIRED and its replacement (if any) ASSIGNED
     * @throws PovmClientException REJECTED with INVALID_STATE [deadline] naming the orgs whose ticks are missing
     */
    public Job expireLease(final String id, final int replica) {
        local(() -> JobSpecValidator.validateId(id));
        return read(
                chaincode.submit(PovmTransactions.EXPIRE_LEASE, id, Integer.toString(replica)),
                Job.class,
                PovmTransactions.EXPIRE_LEASE);
    }

    /**
     * Gives back a replica this client's identity holds; it moves to a worker of another org when one is eligible.
     *
     * @param reason why, at most {@value PovmTransactions#MAX_REASON_CHARS} chars on one line; may be empty
     */
    public Job release(final String id, final int replica, final String reason) {
        local(() -> JobSpecValidator.validateId(id));
        return read(
                chaincode.submit(
                        PovmTransactions.RELEASE_REPLICA,
                        id,
                        Integer.toString(replica),
                        Objects.requireNonNull(reason, "reason")),
                Job.class,
                PovmTransactions.RELEASE_REPLICA);
    }

    /**
     * Commits to the result of a replica this client's identity runs ({@link io.povm.api.Commitment#of}).
     *
     * @return the job, the replica RESULT_COMMITTED; RESULTS_PENDING once no replica runs any more
     */
    public Job commit(final String id, final int replica, final String commitment) {
        local(() -> JobSpecValidator.validateId(id));
        return read(
                chaincode.submit(
                        PovmTransactions.COMMIT_RESULT,
                        id,
                        Integer.toString(replica),
                        Objects.requireNonNull(commitment, "commitment")),
                Job.class,
                PovmTransactions.COMMIT_RESULT);
    }

    /**
     * Reveals the signed attestation of a committed replica, once every replica of the job committed.
     *
     * @return the job, the replica RESULT_REVEALED (or FAULTED when the reveal did not open the commitment), with
     *     its verdict once every replica revealed
     */
    public Job reveal(final String id, final int replica, final Reveal reveal) {
        local(() -> JobSpecValidator.validateId(id));
        return read(
                chaincode.submit(
                        PovmTransactions.REVEAL_RESULT,
                        id,
                        Integer.toString(replica),
                        PovmJson.write(Objects.requireNonNull(reveal, "reveal"))),
                Job.class,
                PovmTransactions.REVEAL_RESULT);
    }

    /**
     * Closes an overdue reveal window, counts the verdict, or draws replicas that iterative redundancy or a dispute
     * still needs.
     *
     * @return the advanced job
     */
    public Job advance(final String id) {
        local(() -> JobSpecValidator.validateId(id));
        return read(chaincode.submit(PovmTransactions.ADVANCE_JOB, id), Job.class, PovmTransactions.ADVANCE_JOB);
    }

    /**
     * Challenges a job's soft verdict, posting the deposit from this identity's credits.
     *
     * @return the job, CHALLENGED or RESOLVING with its re-run replicas
     */
    public Job challenge(final String id, final String reason) {
        local(() -> JobSpecValidator.validateId(id));
        return read(
                chaincode.submit(PovmTransactions.CHALLENGE_JOB, id, Objects.requireNonNull(reason, "reason")),
                Job.class,
                PovmTransactions.CHALLENGE_JOB);
    }

    /**
     * Starts the random audit of a job its audit round selected: as many fresh workers as its first run had re-run
     * it.
     *
     * @return the job, RESOLVING with its audit replica
     */
    public Job audit(final String id) {
        local(() -> JobSpecValidator.validateId(id));
        return read(chaincode.submit(PovmTransactions.AUDIT_JOB, id), Job.class, PovmTransactions.AUDIT_JOB);
    }

    /** @return the job's audit round and whether that round selected it */
    public JobAudit jobAudit(final String id) {
        local(() -> JobSpecValidator.validateId(id));
        return read(
                chaincode.evaluate(PovmTransactions.GET_JOB_AUDIT, id), JobAudit.class, PovmTransactions.GET_JOB_AUDIT);
    }

    /**
     * Settles a job whose challenge window closed or whose dispute was decided.
     *
     * @return the FINALIZED job
     */
    public Job finalizeJob(final String id) {
        local(() -> JobSpecValidator.validateId(id));
        return read(chaincode.submit(PovmTransactions.FINALIZE_JOB, id), Job.class, PovmTransactions.FINALIZE_JOB);
    }

    /**
     * Ends a job whose deadline passed on the multiparty clock before a verdict; its escrow goes back to the
     * submitter. Any member identity may send it.
     *
     * @return the EXPIRED job
     * @throws PovmClientException REJECTED with INVALID_STATE [deadline] while the clock has not passed the deadline
     *     for a majority of the orgs other than the submitter's, INVALID_STATE [state] once the job has a verdict
     */
    public Job expire(final String id) {
        local(() -> JobSpecValidator.validateId(id));
        return read(chaincode.submit(PovmTransactions.EXPIRE_JOB, id), Job.class, PovmTransactions.EXPIRE_JOB);
    }

    /**
     * @param msp a customer's MSP id, or {@code ""} (with {@code id} {@code ""}) for this client's identity
     * @return the customer's standing: jobs with a verdict and how many broke their SLA's limits
     */
    public CustomerRecord customerRecord(final String msp, final String id) {
        return read(
                chaincode.evaluate(
                        PovmTransactions.GET_CUSTOMER_RECORD,
                        Objects.requireNonNull(msp, "msp"),
                        Objects.requireNonNull(id, "id")),
                CustomerRecord.class,
                PovmTransactions.GET_CUSTOMER_RECORD);
    }

    /** @return the signed attestations stored for the job, one per revealed replica */
    public JobAttestations attestations(final String id) {
        return read(attestationsJson(id), JobAttestations.class, PovmTransactions.GET_ATTESTATIONS);
    }

    /**
     * @return {@link #attestations(String)} as the exact JSON text the chaincode returned, unparsed, so that an
     *     offline verifier checks the bytes the ledger holds rather than this client's reading of them
     */
    public String attestationsJson(final String id) {
        local(() -> JobSpecValidator.validateId(id));
        return chaincode.evaluate(PovmTransactions.GET_ATTESTATIONS, id);
    }

    /**
     * @param workerKey the worker's registry key, {@code MSP/NAME}
     * @return one page of the jobs one of whose replicas the worker holds or held, in id order
     */
    public JobPage listByWorker(final String workerKey, final int pageSize, final String bookmark) {
        Objects.requireNonNull(workerKey, "workerKey");
        final String size = pageSize(pageSize);
        return read(
                chaincode.evaluate(
                        PovmTransactions.LIST_JOBS_BY_WORKER,
                        workerKey,
                        size,
                        Objects.requireNonNull(bookmark, "bookmark")),
                JobPage.class,
                PovmTransactions.LIST_JOBS_BY_WORKER);
    }

    /**
     * @return the job with this id
     * @throws PovmClientException REJECTED with NOT_FOUND [id] when there is none
     */
    public Job get(final String id) {
        local(() -> JobSpecValidator.validateId(id));
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
     * @return one page of all jobs in id order
     */
    public JobPage list(final int pageSize, final String bookmark) {
        final String size = pageSize(pageSize);
        return read(
                chaincode.evaluate(PovmTransactions.LIST_JOBS, size, Objects.requireNonNull(bookmark, "bookmark")),
                JobPage.class,
                PovmTransactions.LIST_JOBS);
    }

    /** @return one page of the jobs in a state, in id order (see {@link #list(int, String)} for the paging) */
    public JobPage listByState(final JobState state, final int pageSize, final String bookmark) {
        Objects.requireNonNull(state, "state");
        final String size = pageSize(pageSize);
        return read(
                chaincode.evaluate(
                        PovmTransactions.LIST_JOBS_BY_STATE,
                        state.name(),
                        size,
                        Objects.requireNonNull(bookmark, "bookmark")),
                JobPage.class,
                PovmTransactions.LIST_JOBS_BY_STATE);
    }

    /**
     * @param msp the submitter's MSP id; {@code ""} with an empty id for this client's own jobs
     * @param submitterId the submitter's Fabric id ({@code x509::<subject>::<issuer>}, as in {@code Job.submitter()});
     *     {@code ""} for this client's identity
     * @return one page of that submitter's jobs in id order (see {@link #list(int, String)} for the paging)
     */
    public JobPage listBySubmitter(
            final String msp, final String submitterId, final int pageSize, final String bookmark) {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(submitterId, "submitterId");
        final String size = pageSize(pageSize);
        return read(
                chaincode.evaluate(
                        PovmTransactions.LIST_JOBS_BY_SUBMITTER,
                        msp,
                        submitterId,
                        size,
                        Objects.requireNonNull(bookmark, "bookmark")),
                JobPage.class,
                PovmTransactions.LIST_JOBS_BY_SUBMITTER);
    }

    /** @return one page of this client's own jobs: {@link #listBySubmitter} with empty ids */
    public JobPage listMine(final int pageSize, final String bookmark) {
        return listBySubmitter("", "", pageSize, bookmark);
    }

    /**
     * @return every committed version of the job, newest first, each with its transaction id and timestamp
     * @throws PovmClientException REJECTED with NOT_FOUND [id] when the job never existed
     */
    public JobHistory history(final String id) {
        local(() -> JobSpecValidator.validateId(id));
        return read(
                chaincode.evaluate(PovmTransactions.GET_JOB_HISTORY, id),
                JobHistory.class,
                PovmTransactions.GET_JOB_HISTORY);
    }

    private static String pageSize(final int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw rejected(
                    PovmException.invalid("pageSize", "must be from 1 to " + MAX_PAGE_SIZE + "; got " + pageSize));
        }
        return Integer.toString(pageSize);
    }

    private static <T> T local(final java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (PovmException e) {
            throw rejected(e);
        }
    }

    private static PovmClientException rejected(final PovmException e) {
        return PovmClientException.rejected(e.error(), e);
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
