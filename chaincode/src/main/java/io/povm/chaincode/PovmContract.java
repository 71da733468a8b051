// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobBatch;
import io.povm.api.JobSpec;
import io.povm.api.JobSpecValidator;
import io.povm.api.JobState;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.api.Quote;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerRecord;
import io.povm.chaincode.beacon.JobAudits;
import io.povm.chaincode.clock.ClockLedger;
import io.povm.chaincode.credit.JobFunds;
import io.povm.chaincode.job.JobAssignment;
import io.povm.chaincode.job.JobBatchSpecs;
import io.povm.chaincode.job.JobCancellation;
import io.povm.chaincode.job.JobDisputes;
import io.povm.chaincode.job.JobLeases;
import io.povm.chaincode.job.JobLedger;
import io.povm.chaincode.job.JobQueries;
import io.povm.chaincode.job.JobResults;
import io.povm.chaincode.job.PageSize;
import io.povm.chaincode.job.ReplicaChange;
import io.povm.chaincode.job.SubmitterQuery;
import io.povm.chaincode.reputation.CustomerRecordLedger;
import io.povm.chaincode.reputation.WorkerRecordLedger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The povm contract: the job queue. Each transaction parses and checks its input, lets a domain class decide, writes
 * the job's key with its index keys and sets at most one event. Errors reach the caller as {@code CODE [field]
 * reason} (see {@link PovmError}); all JSON is written by {@link PovmJson}.
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
    private static final String ACCEPTED_TRANSACTIONS = String.join(
            ", ",
            PovmTransactions.SUBMIT_JOB,
            PovmTransactions.SUBMIT_JOBS,
            PovmTransactions.CANCEL_JOB,
            PovmTransactions.ASSIGN_JOB,
            PovmTransactions.ACKNOWLEDGE_REPLICA,
            PovmTransactions.EXPIRE_LEASE,
            PovmTransactions.RELEASE_REPLICA,
            PovmTransactions.COMMIT_RESULT,
            PovmTransactions.REVEAL_RESULT,
            PovmTransactions.ADVANCE_JOB,
            PovmTransactions.CHALLENGE_JOB,
            PovmTransactions.AUDIT_JOB,
            PovmTransactions.FINALIZE_JOB,
            PovmTransactions.EXPIRE_JOB,
            PovmTransactions.GET_ATTESTATIONS,
            PovmTransactions.GET_JOB_AUDIT,
            PovmTransactions.GET_CUSTOMER_RECORD,
            PovmTransactions.GET_JOB,
            PovmTransactions.LIST_JOBS,
            PovmTransactions.LIST_JOBS_BY_STATE,
            PovmTransactions.LIST_JOBS_BY_SUBMITTER,
            PovmTransactions.LIST_JOBS_BY_WORKER,
            PovmTransactions.GET_JOB_HISTORY);

    /**
     * Submits a job. Resubmitting the identical spec as the same identity returns the stored job and writes
     * nothing, so a client may retry safely.
     *
     * @param specJson the {@link JobSpec} as JSON, at most 64 KiB; its deadline 60 s to 7 days after the
     *     transaction timestamp
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
            final JobBatch batch =
                    new JobIntake(stub, caller.submitter()).submit(List.of(spec), Optional.empty(), i -> "");
            final Job job = batch.jobs().get(0);
            if (batch.created() == 1) {
                stub.setEvent(PovmTransactions.JOB_SUBMITTED_EVENT, PovmJson.writeBytes(job));
            }
            return PovmJson.write(job);
        });
    }

    /**
     * Submits 1 to {@value PovmTransactions#MAX_BATCH} jobs in one transaction, each checked as {@link #SubmitJob}
     * checks its spec (an identical resubmission is a replay that writes nothing), all or none. The new jobs' escrows
     * move in one debit: from the caller's lot {@code lot} ({@code credit:Split} makes lots, {@code credit:Lots} lists
     * them), whose rest becomes a new lot, or from the caller's account when {@code lot} is {@code ""}. Submissions
     * from distinct lots of one identity never conflict: each reads and writes only its own jobs' keys and its lot.
     *
     * @param specsJson a JSON array of {@link JobSpec}s with distinct ids, at most {@value
     *     PovmTransactions#MAX_BATCH_BYTES} bytes
     * @param lot the caller's lot to escrow from, or {@code ""} for its account
     * @return the {@link JobBatch} as JSON, which the {@value PovmTransactions#JOBS_SUBMITTED_EVENT} event carries when
     *     a job was created
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String SubmitJobs(final Context ctx, final String specsJson, final String lot) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.SUBMIT_JOBS, stub.getTxId(), () -> {
            final Caller caller = Caller.of(ctx.getClientIdentity());
            caller.requireClient(PovmTransactions.SUBMIT_JOBS);
            final List<JobSpec> specs = JobBatchSpecs.parse(specsJson);
            final Optional<String> source = JobFunds.source(lot);
            final JobBatch batch = new JobIntake(stub, caller.submitter()).submit(specs, source, JobBatchSpecs::prefix);
            if (batch.created() > 0) {
                stub.setEvent(PovmTransactions.JOBS_SUBMITTED_EVENT, PovmJson.writeBytes(batch));
            }
            return PovmJson.write(batch);
        });
    }

    /**
     * Cancels a job: only its submitter (same MSP and Fabric id), only while it is SUBMITTED.
     *
     * @param reason why, at most {@value PovmTransactions#MAX_REASON_CHARS} chars on one line; may be empty
     * @return the cancelled job as JSON, which the {@value PovmTransactions#JOB_CANCELLED_EVENT} event carries too
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CancelJob(final Context ctx, final String id, final String reason) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.CANCEL_JOB, stub.getTxId(), () -> {
            final String jobId = JobSpecValidator.validateId(id);
            final Optional<String> why = JobCancellation.reason(reason);
            final Caller caller = Caller.of(ctx.getClientIdentity());
            final JobTransaction tx = new JobTransaction(ctx);
            final Job job = tx.requireJob(jobId);
            final Job cancelled =
                    JobCancellation.cancel(job, caller.submitter(), why, TxTime.iso(stub.getTxTimestamp()));
            return write(tx, job, cancelled, PovmTransactions.JOB_CANCELLED_EVENT);
        });
    }

    /**
     * Assigns a SUBMITTED job's replicas to eligible workers of distinct orgs (see {@link JobAssignment}); anyone may
     * call it (any identity of a member org). Each replica must be acknowledged within the SLA's start window. INTERIM: the draw is seeded from this
     * transaction's id, grindable by whoever creates it, until the multiparty beacon provides the seed.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String AssignJob(final Context ctx, final String id) {
        final JobTransaction tx = new JobTransaction(ctx);
        return TransactionGuard.run(PovmTransactions.ASSIGN_JOB, ctx.getStub().getTxId(), () -> {
            tx.requireMember(PovmTransactions.ASSIGN_JOB);
            final Job job = tx.requireJob(JobSpecValidator.validateId(id));
            final Job assigned = JobAssignment.assign(job, tx.draw(job, tx.slaOf(job)));
            return write(tx, job, assigned, PovmTransactions.JOB_ASSIGNED_EVENT);
        });
    }

    /** The worker assigned to a replica takes it up; see {@link JobAssignment#acknowledge}. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String AcknowledgeReplica(final Context ctx, final String id, final String replica) {
        final JobTransaction tx = new JobTransaction(ctx);
        return TransactionGuard.run(
                PovmTransactions.ACKNOWLEDGE_REPLICA, ctx.getStub().getTxId(), () -> {
                    final Job job = tx.requireJob(JobSpecValidator.validateId(id));
                    final Job acknowledged = JobAssignment.acknowledge(
                            job, replicaIndex(replica), tx.callerWorkerKey(), tx.at(), tx.slaOf(job));
                    return write(tx, job, acknowledged, PovmTransactions.REPLICA_ACKNOWLEDGED_EVENT);
                });
    }

    /**
     * Closes a replica's lease whose deadline passed on the multiparty clock, records the timeout against its worker
     * and moves the replica to a worker of another org; see {@link JobLeases#expire}. Any member org's identity may
     * call it.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ExpireLease(final Context ctx, final String id, final String replica) {
        final JobTransaction tx = new JobTransaction(ctx);
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.EXPIRE_LEASE, stub.getTxId(), () -> {
            final Members members = tx.requireMember(PovmTransactions.EXPIRE_LEASE);
            final Job job = tx.requireJob(JobSpecValidator.validateId(id));
            final int index = replicaIndex(replica);
            final ReplicaChange change =
                    JobLeases.expire(job, index, new ClockLedger(stub).read(members), tx.draw(job, tx.slaOf(job)));
            new WorkerRecordLedger(stub).update(job.replicas().get(index).workerKey(), WorkerRecord::withTimeout);
            return write(tx, job, change.job(), PovmTransactions.LEASE_EXPIRED_EVENT);
        });
    }

    /**
     * The replica's worker gives it back (e.g. its org refuses the image, or it drains); the replica moves to a
     * worker of another org; see {@link JobLeases#release}.
     *
     * @param reason why, at most {@value PovmTransactions#MAX_REASON_CHARS} chars on one line; may be empty
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ReleaseReplica(final Context ctx, final String id, final String replica, final String reason) {
        final JobTransaction tx = new JobTransaction(ctx);
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.RELEASE_REPLICA, stub.getTxId(), () -> {
            final Job job = tx.requireJob(JobSpecValidator.validateId(id));
            final int index = replicaIndex(replica);
            JobCancellation.reason(reason);
            final ReplicaChange change =
                    JobLeases.release(job, index, tx.callerWorkerKey(), tx.draw(job, tx.slaOf(job)));
            new WorkerRecordLedger(stub).update(job.replicas().get(index).workerKey(), WorkerRecord::withRelease);
            return write(tx, job, change.job(), PovmTransactions.REPLICA_RELEASED_EVENT);
        });
    }

    /**
     * The replica's worker commits to its result; see {@link JobResults#commit}. The same commitment again changes
     * nothing.
     *
     * @param commitment {@code Commitment.of(resultHash, nonce, workerKey)}, 64 lowercase hex digits
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CommitResult(final Context ctx, final String id, final String replica, final String commitment) {
        final ConsensusTransactions consensus = new ConsensusTransactions(ctx);
        return TransactionGuard.run(
                PovmTransactions.COMMIT_RESULT, ctx.getStub().getTxId(), () -> {
                    final Job job = consensus.tx().requireJob(JobSpecValidator.validateId(id));
                    final Job committed = consensus.commit(job, replicaIndex(replica), commitment);
                    return committed.equals(job)
                            ? PovmJson.write(job)
                            : write(consensus.tx(), job, committed, PovmTransactions.RESULT_COMMITTED_EVENT);
                });
    }

    /**
     * The replica's worker reveals its signed attestation once every replica committed; see {@link
     * JobResults#reveal}. The last reveal counts the verdict.
     *
     * @param revealJson the {@link io.povm.api.Reveal} as JSON, at most {@value io.povm.api.Reveal#MAX_REVEAL_BYTES}
     *     bytes
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RevealResult(final Context ctx, final String id, final String replica, final String revealJson) {
        final ConsensusTransactions consensus = new ConsensusTransactions(ctx);
        return TransactionGuard.run(
                PovmTransactions.REVEAL_RESULT, ctx.getStub().getTxId(), () -> {
                    final Job job = consensus.tx().requireJob(JobSpecValidator.validateId(id));
                    final Job revealed = consensus.reveal(job, replicaIndex(replica), revealJson);
                    return revealed.equals(job)
                            ? PovmJson.write(job)
                            : write(consensus.tx(), job, revealed, PovmTransactions.RESULT_REVEALED_EVENT);
                });
    }

    /**
     * Any member org's identity closes an overdue reveal window, counts the verdict, or draws a replica iterative
     * redundancy still needs; refused when there is nothing to do.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String AdvanceJob(final Context ctx, final String id) {
        final ConsensusTransactions consensus = new ConsensusTransactions(ctx);
        return TransactionGuard.run(PovmTransactions.ADVANCE_JOB, ctx.getStub().getTxId(), () -> {
            final Job job = consensus.tx().requireJob(JobSpecValidator.validateId(id));
            return write(consensus.tx(), job, consensus.advance(job), PovmTransactions.JOB_ADVANCED_EVENT);
        });
    }

    /**
     * The job's submitter or any member org's identity challenges a soft verdict within the challenge window; fresh
     * workers re-run the job.
     *
     * @param reason why, at most {@value PovmTransactions#MAX_REASON_CHARS} chars on one line; may be empty
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ChallengeJob(final Context ctx, final String id, final String reason) {
        final ConsensusTransactions consensus = new ConsensusTransactions(ctx);
        return TransactionGuard.run(
                PovmTransactions.CHALLENGE_JOB, ctx.getStub().getTxId(), () -> {
                    final Job job = consensus.tx().requireJob(JobSpecValidator.validateId(id));
                    final JobDisputes.Challenge challenge = consensus.challenge(
                            job, JobCancellation.reason(reason).orElse(""));
                    return write(consensus.tx(), job, challenge.job(), PovmTransactions.JOB_CHALLENGED_EVENT);
                });
    }

    /**
     * Any member org's identity starts the random audit of a job its audit round selected: as many workers as its first
     * run had, none of which held one of its replicas, re-run it (see {@link io.povm.chaincode.beacon.JobAudits}). The event is {@value
     * PovmTransactions#JOB_CHALLENGED_EVENT}, as for a challenge; the dispute names the audit round.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String AuditJob(final Context ctx, final String id) {
        final ConsensusTransactions consensus = new ConsensusTransactions(ctx);
        return TransactionGuard.run(PovmTransactions.AUDIT_JOB, ctx.getStub().getTxId(), () -> {
            final Job job = consensus.tx().requireJob(JobSpecValidator.validateId(id));
            return write(consensus.tx(), job, consensus.audit(job), PovmTransactions.JOB_CHALLENGED_EVENT);
        });
    }

    /** @return whether and by which beacon round the job is audited, as {@link io.povm.api.beacon.JobAudit} JSON */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetJobAudit(final Context ctx, final String id) {
        final ConsensusTransactions consensus = new ConsensusTransactions(ctx);
        return TransactionGuard.run(
                PovmTransactions.GET_JOB_AUDIT, ctx.getStub().getTxId(), () -> {
                    final Job job = consensus.tx().requireJob(JobSpecValidator.validateId(id));
                    return PovmJson.write(consensus.jobAudit(job));
                });
    }

    /** Any member org's identity finalizes a job whose challenge window closed or whose dispute was decided. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String FinalizeJob(final Context ctx, final String id) {
        final ConsensusTransactions consensus = new ConsensusTransactions(ctx);
        return TransactionGuard.run(PovmTransactions.FINALIZE_JOB, ctx.getStub().getTxId(), () -> {
            final Job job = consensus.tx().requireJob(JobSpecValidator.validateId(id));
            return write(consensus.tx(), job, consensus.finalizeJob(job), PovmTransactions.JOB_FINALIZED_EVENT);
        });
    }

    /**
     * Any member org's identity ends a job whose deadline passed on the multiparty clock before a verdict: EXPIRED,
     * leased replicas released, the escrow back to the submitter exactly once, no replica paid.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ExpireJob(final Context ctx, final String id) {
        final ConsensusTransactions consensus = new ConsensusTransactions(ctx);
        return TransactionGuard.run(PovmTransactions.EXPIRE_JOB, ctx.getStub().getTxId(), () -> {
            final Job job = consensus.tx().requireJob(JobSpecValidator.validateId(id));
            return write(consensus.tx(), job, consensus.expireJob(job), PovmTransactions.JOB_EXPIRED_EVENT);
        });
    }

    /**
     * @param msp the customer's MSP id, or {@code ""} with {@code id} {@code ""} for the caller
     * @return the customer's standing as {@link io.povm.api.CustomerRecord} JSON
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetCustomerRecord(final Context ctx, final String msp, final String id) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.GET_CUSTOMER_RECORD, stub.getTxId(), () -> {
            final Caller caller = Caller.of(ctx.getClientIdentity());
            return PovmJson.write(
                    new CustomerRecordLedger(stub).find(SubmitterQuery.resolve(msp, id, caller.submitter())));
        });
    }

    /** @return the job's stored signed attestations as {@link io.povm.api.JobAttestations} JSON */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetAttestations(final Context ctx, final String id) {
        final ConsensusTransactions consensus = new ConsensusTransactions(ctx);
        return TransactionGuard.run(
                PovmTransactions.GET_ATTESTATIONS,
                ctx.getStub().getTxId(),
                () -> PovmJson.write(consensus.attestations(id)));
    }

    /** Writes a changed job and sets its event; a job entering a final state settles its credits here, once. */
    private static String write(final JobTransaction tx, final Job before, final Job after, final String event) {
        tx.funds().onTransition(before, after, () -> tx.slaOf(after));
        JobAudits.onTransition(tx.beacon(), before, after);
        tx.jobs().update(before, after);
        tx.jobs().emit(event, after);
        return PovmJson.write(after);
    }

    private static int replicaIndex(final String replica) {
        if (replica == null || !replica.matches("[0-9]{1,2}")) {
            throw PovmException.invalid(
                    "replica", Quote.prefix(replica) + " is not a replica index; must be a whole number from 0 to 14");
        }
        return Integer.parseInt(replica);
    }

    /** @return the job as JSON; NOT_FOUND [id] when there is none */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetJob(final Context ctx, final String id) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.GET_JOB, stub.getTxId(), () -> {
            final String jobId = JobSpecValidator.validateId(id);
            return PovmJson.write(new JobLedger(stub).find(jobId).orElseThrow(() -> notFound(jobId)));
        });
    }

    /**
     * @param pageSize a decimal string from 1 to {@value PovmTransactions#MAX_PAGE_SIZE}
     * @param bookmark the previous page's bookmark; empty for the first page
     * @return a {@link io.povm.api.JobPage} as JSON, jobs in id order; its bookmark is empty on the last page
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListJobs(final Context ctx, final String pageSize, final String bookmark) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.LIST_JOBS, stub.getTxId(), () -> {
            final int size = PageSize.parse(pageSize);
            return PovmJson.write(new JobQueries(stub).all(size, bookmark));
        });
    }

    /**
     * @param state a {@link JobState} name, e.g. SUBMITTED
     * @return a {@link io.povm.api.JobPage} of the jobs in that state as JSON, in id order, read through the
     *     job-by-state index
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListJobsByState(final Context ctx, final String state, final String pageSize, final String bookmark) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.LIST_JOBS_BY_STATE, stub.getTxId(), () -> {
            final JobState jobState = parseState(state);
            final int size = PageSize.parse(pageSize);
            return PovmJson.write(new JobQueries(stub).inState(jobState, size, bookmark));
        });
    }

    /**
     * @param msp the submitter's MSP id; empty for the caller's
     * @param submitterId the submitter's Fabric id ({@code x509::<subject>::<issuer>}); empty for the caller
     * @return a {@link io.povm.api.JobPage} of that submitter's jobs as JSON, in id order, read through the
     *     job-by-submitter index
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListJobsBySubmitter(
            final Context ctx,
            final String msp,
            final String submitterId,
            final String pageSize,
            final String bookmark) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.LIST_JOBS_BY_SUBMITTER, stub.getTxId(), () -> {
            final Caller caller = Caller.of(ctx.getClientIdentity());
            final int size = PageSize.parse(pageSize);
            return PovmJson.write(new JobQueries(stub)
                    .ofSubmitter(SubmitterQuery.resolve(msp, submitterId, caller.submitter()), size, bookmark));
        });
    }

    /**
     * @param workerKey the worker's registry key, {@code MSP/NAME}
     * @return a {@link io.povm.api.JobPage} of the jobs one of whose replicas the worker holds or held, in id order,
     *     read through the job-by-worker index
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListJobsByWorker(
            final Context ctx, final String workerKey, final String pageSize, final String bookmark) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.LIST_JOBS_BY_WORKER, stub.getTxId(), () -> {
            final WorkerKey worker = WorkerKey.parse(workerKey, "workerKey");
            final int size = PageSize.parse(pageSize);
            return PovmJson.write(new JobQueries(stub).ofWorker(worker, size, bookmark));
        });
    }

    /** @return a {@link io.povm.api.JobHistory} as JSON: every committed version of the job, newest first */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetJobHistory(final Context ctx, final String id) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(PovmTransactions.GET_JOB_HISTORY, stub.getTxId(), () -> {
            final String jobId = JobSpecValidator.validateId(id);
            final var history = new JobQueries(stub).history(jobId);
            if (history.count() == 0) {
                throw notFound(jobId);
            }
            return PovmJson.write(history);
        });
    }

    /** Reports an unknown transaction name in the povm error format. */
    @Override
    public void unknownTransaction(final Context ctx) {
        throw TransactionGuard.toChaincodeException(new PovmError(
                ErrorCode.INVALID_ARGUMENT, "function", "unknown transaction; accepted: " + ACCEPTED_TRANSACTIONS));
    }

    private static PovmException notFound(final String jobId) {
        return PovmException.notFound("id", "job '" + jobId + "' does not exist");
    }

    private static JobState parseState(final String state) {
        if (state != null) {
            for (JobState candidate : JobState.values()) {
                if (candidate.name().equals(state)) {
                    return candidate;
                }
            }
        }
        throw PovmException.invalid(
                "state",
                "must be one of: "
                        + Arrays.stream(JobState.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
