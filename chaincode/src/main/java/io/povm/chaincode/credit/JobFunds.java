// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import io.povm.api.AgreedUsage;
import io.povm.api.CreditHold;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobBatch;
import io.povm.api.JobState;
import io.povm.api.JobUsage;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Settlement;
import io.povm.api.SlaSpec;
import io.povm.api.Submitter;
import io.povm.api.WorkerKey;
import io.povm.api.beacon.Ticket;
import io.povm.chaincode.TxTime;
import io.povm.chaincode.beacon.BeaconLedger;
import io.povm.chaincode.reputation.Reputation;
import io.povm.chaincode.reputation.WorkerRecordLedger;
import io.povm.chaincode.worker.WorkerLedger;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The job's credits: its escrow at submission, challenge deposits, and the settlement, exactly once, when the job
 * reaches a final state. The job transactions call it; every refusal comes before the first write.
 *
 * <pre>{@code
 * new JobFunds(stub).hold(job, sla);                                  // SubmitJob
 * new JobFunds(stub).deposit(job, challenger, amount);                // ChallengeJob
 * new JobFunds(stub).onTransition(before, after, () -> slaOf(after)); // every job write: refund or settle
 * }</pre>
 */
public final class JobFunds {
    private static final Set<JobState> REFUNDED = EnumSet.of(JobState.CANCELLED, JobState.EXPIRED, JobState.FAILED);

    private final ChaincodeStub stub;
    private final CreditLedger ledger;

    public JobFunds(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
        this.ledger = new CreditLedger(stub);
    }

    /** @return {@code pricePerVmSecond x maxReplicas x maxWallSeconds}, what a job under these terms escrows */
    public static long escrowFor(final Job job, final SlaSpec sla) {
        return Math.multiplyExact(
                Math.multiplyExact(sla.vm().pricePerVmSecond(), (long)
                        job.spec().redundancy().maxReplicas()),
                (long) sla.vm().maxWallSeconds());
    }

    /**
     * Moves the job's escrow from the submitter's account to {@code ("credit-escrow", jobId)}; a price of 0 holds
     * nothing and writes nothing.
     *
     * @return the amount held
     * @throws PovmException INSUFFICIENT_FUNDS [balance] when the submitter holds less, nothing written
     */
    public long hold(final Job job, final SlaSpec sla) {
        return holdAll(List.of(new Escrowed(job, sla)), Optional.empty()).escrowed();
    }

    /**
     * Moves the escrows of one submitter's new jobs in one debit, from its lot {@code lot} (the rest becoming a new
     * lot) or, when empty, from its account, to one {@code ("credit-escrow", jobId)} per priced job. Nothing is read
     * or written when every price is 0.
     *
     * @param jobs new jobs of one submitter, with distinct ids
     * @throws PovmException INSUFFICIENT_FUNDS [balance] or [lot] when the source holds less; NOT_FOUND [lot] when
     *     the submitter has no such lot; nothing written either way
     */
    public Funding holdAll(final List<Escrowed> jobs, final Optional<String> lot) {
        long total = 0;
        for (Escrowed entry : jobs) {
            total = Math.addExact(total, entry.amount());
            if (entry.amount() > 0 && ledger.escrow(entry.job().id()).isPresent()) {
                throw invalidState(entry.job(), "holds an escrow already");
            }
        }
        if (total == 0) {
            return new Funding(0, Optional.empty(), Optional.empty());
        }
        final Submitter submitter = jobs.get(0).job().submitter();
        final String memo = jobs.size() == 1
                ? "escrow of job " + jobs.get(0).job().id()
                : "escrow of " + jobs.size() + " jobs, " + jobs.get(0).job().id() + " to "
                        + jobs.get(jobs.size() - 1).job().id();
        final String what =
                "the " + memo + (jobs.size() == 1 ? " (" + jobs.get(0).basis() + ")" : "");
        final Optional<String> change;
        if (lot.isPresent()) {
            change = new LotMovements(ledger, at(), stub.getTxId()).spend(submitter, lot.get(), total, what);
        } else {
            final Movements movements = new Movements(ledger);
            movements.debit(submitter.msp(), submitter.id(), total, what);
            movements.write(at(), memo);
            change = Optional.empty();
        }
        for (Escrowed entry : jobs) {
            if (entry.amount() > 0) {
                final String basis =
                        entry.basis() + lot.map(id -> " from lot " + id).orElse("");
                ledger.put(new CreditHold(
                        CreditHold.ESCROW,
                        entry.job().id(),
                        submitter.msp(),
                        submitter.id(),
                        entry.amount(),
                        at(),
                        stub.getTxId(),
                        basis));
            }
        }
        return new Funding(total, Optional.of(lot.orElse(JobBatch.ACCOUNT)), change);
    }

    /**
     * @param lot a {@code SubmitJobs} argument: a lot's id, or {@code ""} for the account
     * @return the lot to escrow from; empty for the account
     * @throws PovmException INVALID_ARGUMENT [lot] when malformed
     */
    public static Optional<String> source(final String lot) {
        return CreditArgs.lotOrAccount(lot);
    }

    /** A new job and the terms of the SLA it was admitted under: what it escrows, and why. */
    public record Escrowed(Job job, SlaSpec sla) {
        public Escrowed {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(sla, "sla");
        }

        long amount() {
            return escrowFor(job, sla);
        }

        String basis() {
            return "price " + sla.vm().pricePerVmSecond() + " x "
                    + job.spec().redundancy().maxReplicas() + " replicas x "
                    + sla.vm().maxWallSeconds() + " s";
        }
    }

    /**
     * One escrow movement: how much, from where ({@value JobBatch#ACCOUNT} or the lot's id; empty when nothing moved)
     * and the change lot's id.
     */
    public record Funding(long escrowed, Optional<String> from, Optional<String> change) {}

    /**
     * Moves a challenge deposit from the challenger's account to {@code ("credit-deposit", jobId, msp, fabricId)}; 0
     * writes nothing.
     *
     * @throws PovmException INSUFFICIENT_FUNDS [balance] when the challenger holds less; INVALID_STATE when this
     *     challenger has a deposit on the job already
     */
    public void deposit(final Job job, final Submitter challenger, final long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a deposit is 0 or more; got " + amount);
        }
        if (amount == 0) {
            return;
        }
        if (ledger.deposit(job.id(), challenger.msp(), challenger.id()).isPresent()) {
            throw invalidState(job, "holds a deposit of " + challenger.msp() + "/" + challenger.id() + " already");
        }
        final Movements movements = new Movements(ledger);
        movements.debit(challenger.msp(), challenger.id(), amount, "the challenge deposit of job " + job.id());
        movements.write(at(), "challenge deposit on job " + job.id());
        ledger.put(new CreditHold(
                CreditHold.DEPOSIT,
                job.id(),
                challenger.msp(),
                challenger.id(),
                amount,
                at(),
                stub.getTxId(),
                "challenge deposit"));
    }

    /**
     * Returns a CANCELLED, EXPIRED or FAILED job's escrow to the submitter and its deposits to their owners.
     *
     * @throws PovmException INVALID_STATE when the job settled already
     */
    public Settlement refund(final Job job) {
        if (!REFUNDED.contains(job.state())) {
            throw new IllegalArgumentException("only CANCELLED, EXPIRED or FAILED jobs are refunded: " + job.id());
        }
        requireUnsettled(job);
        final Optional<CreditHold> escrow = ledger.escrow(job.id());
        final List<CreditHold> deposits = ledger.deposits(job.id());
        return apply(SettlementPlan.refund(job, escrow, deposits, stamp()), escrow, deposits);
    }

    /**
     * Pays the workers of a FINALIZED job and returns the rest (see {@link SettlementPlan}).
     *
     * @throws PovmException INVALID_STATE when the job settled already
     */
    public Settlement settle(final Job job, final SlaSpec sla) {
        if (job.state() != JobState.FINALIZED) {
            throw new IllegalArgumentException("only FINALIZED jobs are settled: " + job.id());
        }
        requireUnsettled(job);
        final Optional<CreditHold> escrow = ledger.escrow(job.id());
        final List<CreditHold> deposits = ledger.deposits(job.id());
        final WorkerLedger workers = new WorkerLedger(stub);
        final WorkerRecordLedger records = new WorkerRecordLedger(stub);
        final Map<String, Optional<Payee>> payees = new HashMap<>();
        final Function<String, Optional<Payee>> payee =
                key -> payees.computeIfAbsent(key, k -> workers.find(WorkerKey.parse(k, "workerKey"))
                        .map(w -> new Payee(w.msp(), w.fabricId(), Reputation.payoutPermille(records.find(w.key())))));
        final Optional<AgreedUsage> usage = JobUsage.of(job, sla);
        final Settlement settlement = SettlementPlan.settle(job, sla, escrow, deposits, payee, usage, stamp());
        usage.ifPresent(agreed -> earnTickets(
                sla, settlement, agreed, key -> payee.apply(key).orElseThrow().permille()));
        return apply(settlement, escrow, deposits);
    }

    /**
     * Every paid replica earns lottery tickets for the next beacon round to open: the agreed VM milliseconds
     * ({@link AgreedUsage#vmMillis}, never its own claim) times its worker's payout multiplier ({@link Ticket#of}).
     */
    private void earnTickets(
            final SlaSpec sla,
            final Settlement settlement,
            final AgreedUsage usage,
            final Function<String, Long> permille) {
        final BeaconLedger beacon = new BeaconLedger(stub);
        final long round = beacon.latest() + 1;
        for (Settlement.Entry entry : settlement.entries()) {
            if (!Settlement.Entry.PAYOUT.equals(entry.kind()) || entry.replica() == null) {
                continue;
            }
            final long vmMillis = usage.vmMillis(sla.vm().maxWallSeconds());
            final long multiplier = permille.apply(entry.workerKey());
            beacon.put(new Ticket(
                    round,
                    settlement.jobId(),
                    entry.replica(),
                    entry.workerKey(),
                    entry.msp(),
                    entry.fabricId(),
                    vmMillis,
                    multiplier,
                    Ticket.of(vmMillis, multiplier)));
        }
    }

    /**
     * The one hook of the job transactions: settles a job that enters FINALIZED, refunds one that enters CANCELLED,
     * EXPIRED or FAILED, and does nothing otherwise.
     *
     * @param sla the job's SLA terms, read only when the job is finalized
     * @return the settlement, when the transition made one
     */
    public Optional<Settlement> onTransition(final Job before, final Job after, final Supplier<SlaSpec> sla) {
        if (before.state() == after.state()) {
            return Optional.empty();
        }
        if (after.state() == JobState.FINALIZED) {
            return Optional.of(settle(after, sla.get()));
        }
        if (REFUNDED.contains(after.state())) {
            return Optional.of(refund(after));
        }
        return Optional.empty();
    }

    private Settlement apply(
            final Settlement settlement, final Optional<CreditHold> escrow, final List<CreditHold> deposits) {
        final Movements movements = new Movements(ledger);
        for (Settlement.Entry entry : settlement.entries()) {
            movements.credit(entry.msp(), entry.fabricId(), entry.amount());
        }
        movements.write(at(), settlement.kind() + " of job " + settlement.jobId());
        if (settlement.minted() > 0) {
            ledger.put(ledger.supply().plus(settlement.minted(), at(), "audit-of-job-" + settlement.jobId()));
        }
        escrow.ifPresent(ledger::delete);
        deposits.forEach(ledger::delete);
        ledger.put(settlement);
        return settlement;
    }

    private void requireUnsettled(final Job job) {
        ledger.settlement(job.id()).ifPresent(done -> {
            throw invalidState(
                    job,
                    "was settled already (" + done.kind() + " in transaction " + done.txId() + " at " + done.at()
                            + "); a job's credits move exactly once");
        });
    }

    private static PovmException invalidState(final Job job, final String what) {
        return new PovmException(new PovmError(ErrorCode.INVALID_STATE, "id", "job " + job.id() + " " + what));
    }

    private SettlementPlan.Stamp stamp() {
        return new SettlementPlan.Stamp(at(), stub.getTxId());
    }

    private String at() {
        return TxTime.iso(stub.getTxTimestamp());
    }
}
