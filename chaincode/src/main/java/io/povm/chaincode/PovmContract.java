package io.povm.chaincode;

import io.povm.api.ErrorCode;
import io.povm.api.JobSpec;
import io.povm.api.JobSpecValidator;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.chaincode.job.JobLedger;
import io.povm.chaincode.job.JobSubmission;
import io.povm.chaincode.job.PageSize;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The povm contract. Each transaction parses and checks its input, lets a domain class decide, writes at most one
 * key and sets at most one event. Errors reach the caller as {@code CODE [field] reason} (see {@link PovmError});
 * all JSON is written by {@link PovmJson}.
 */
@Contract(
        name = PovmTransactions.CONTRACT,
        info =
                @Info(
                        title = "povm",
                        description = "Proof-of-VM useful work: jobs, their replicas and verdicts",
                        version = "0.1.0"))
@Default
public final class PovmContract implements ContractInterface {

    /**
     * Submits a job. Resubmitting the identical spec as the same identity returns the stored job and writes
     * nothing, so a client may retry safely.
     *
     * @param specJson the {@link JobSpec} as JSON, at most 64 KiB
     * @return the stored job as JSON; on creation the {@value PovmTransactions#JOB_SUBMITTED_EVENT} event carries
     *     the same bytes
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String SubmitJob(final Context ctx, final String specJson) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.SUBMIT_JOB, stub.getTxId(), () -> {
            final Caller caller = Caller.of(ctx.getClientIdentity());
            caller.requireClient(PovmTransactions.SUBMIT_JOB);
            final JobSpec spec =
                    JobSpecValidator.validate(PovmJson.read(JobSpecValidator.checkSize(specJson), JobSpec.class));
            final JobSubmission submission =
                    new JobSubmission(spec, caller.submitter(), TxTime.iso(stub.getTxTimestamp()), stub.getTxId());
            final JobLedger ledger = new JobLedger(stub);
            final JobSubmission.Decision decision = submission.decide(ledger.find(submission.jobId()));
            if (decision.created()) {
                ledger.create(decision.job());
            }
            return PovmJson.write(decision.job());
        });
    }

    /** @return the job as JSON; NOT_FOUND [id] when there is none */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetJob(final Context ctx, final String id) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.GET_JOB, stub.getTxId(), () -> {
            final String jobId = JobSpecValidator.validateId(id);
            return PovmJson.write(new JobLedger(stub)
                    .find(jobId)
                    .orElseThrow(() -> PovmException.notFound("id", "job '" + jobId + "' does not exist")));
        });
    }

    /**
     * @param pageSize a decimal string from 1 to {@value PovmTransactions#MAX_PAGE_SIZE}
     * @param bookmark the previous page's bookmark; empty for the first page
     * @return a {@link io.povm.api.JobPage} as JSON; its bookmark is empty on the last page
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListJobs(final Context ctx, final String pageSize, final String bookmark) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.LIST_JOBS, stub.getTxId(), () -> {
            final int size = PageSize.parse(pageSize);
            return PovmJson.write(new JobLedger(stub).page(size, bookmark == null ? "" : bookmark));
        });
    }

    /** Reports an unknown transaction name in the povm error format. */
    @Override
    public void unknownTransaction(final Context ctx) {
        throw TransactionGuard.toChaincodeException(new PovmError(
                ErrorCode.INVALID_ARGUMENT,
                "function",
                "unknown transaction; accepted: " + PovmTransactions.SUBMIT_JOB + ", " + PovmTransactions.GET_JOB + ", "
                        + PovmTransactions.LIST_JOBS));
    }
}
