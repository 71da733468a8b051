// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import static io.povm.chaincode.credit.CreditFixtures.ORG1;
import static io.povm.chaincode.credit.CreditFixtures.ORG2;
import static io.povm.chaincode.credit.CreditFixtures.USER1;
import static io.povm.chaincode.credit.CreditFixtures.USER2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.povm.api.CreditHold;
import io.povm.api.Dispute;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobLimits;
import io.povm.api.JobState;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.ReplicaState;
import io.povm.api.Settlement;
import io.povm.api.SlaSpec;
import io.povm.api.Slas;
import io.povm.api.Specs;
import io.povm.api.Submitter;
import io.povm.api.Verdict;
import io.povm.api.VmTerms;
import io.povm.api.WorkerRecord;
import io.povm.api.beacon.Ticket;
import io.povm.chaincode.beacon.BeaconLedger;
import io.povm.chaincode.reputation.WorkerRecordLedger;
import io.povm.chaincode.worker.RegisteredWorkers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The job's credits over a ledger that behaves like Fabric (no read-your-writes), with conservation checked by range
 * scans after each step. standard@1: price 10 per VM-second, at most 3600 s; the job is k-vote 3, so its escrow is
 * 10 x 3 x 3600 = 108000. A new worker's multiplier is 750/1000, so 12 s of wall time pays 10 x 12 x 0.75 = 90.
 */
class JobFundsTest {
    private static final SlaSpec SLA = Slas.spec();
    private static final long ESCROW = 108_000;
    private static final long START = 1_000_000;
    private static final String WIN = "a".repeat(64);
    private static final String LOSE = "b".repeat(64);
    private static final Submitter CUSTOMER = new Submitter(ORG1, USER1);
    private static final Submitter CHALLENGER = new Submitter(ORG2, USER2);

    private final CreditFixtures fixtures = new CreditFixtures();
    private final JobFunds funds = new JobFunds(fixtures.ledger.stub());

    @BeforeEach
    void funded_customer_and_challenger_and_five_registered_workers() {
        fixtures.funded(ORG1, USER1, START).funded(ORG2, USER2, START);
        for (String worker : List.of("Org1MSP/w1", "Org2MSP/w1", "Org3MSP/w1", "Org2MSP/w2", "Org3MSP/w2")) {
            final String[] parts = worker.split("/");
            RegisteredWorkers.register(fixtures.ledger.stub(), parts[0], parts[1], fabricId(worker));
        }
        fixtures.ledger.commit();
    }

    private static String fabricId(final String workerKey) {
        return "x509::CN=" + workerKey.replace('/', '-') + "::CN=ca";
    }

    private long workerBalance(final String workerKey) {
        return fixtures.balance(workerKey.substring(0, 7), fabricId(workerKey));
    }

    private static Job submitted() {
        return Job.submitted(Specs.builder().build(), CUSTOMER, "2026-11-20T10:00:00.000Z", "tx-submit");
    }

    private static Replica revealed(
            final int index, final String workerKey, final String hash, final long wallMillis, final boolean rerun) {
        final ReplicaResult result = ReplicaResult.builder()
                .resultHash(hash)
                .exitCode(0)
                .wallMillis(wallMillis)
                .cpuMillis(1)
                .peakMemoryBytes(1)
                .outputBytes(1)
                .checkpointRoot("c".repeat(64))
                .checkpoints(1)
                .build();
        return new Replica(
                index,
                workerKey,
                workerKey.substring(0, 7),
                ReplicaState.RESULT_REVEALED,
                Optional.empty(),
                Optional.empty(),
                Optional.of(result),
                new Replica.Extras(rerun, Optional.of("d".repeat(64)), Optional.empty()));
    }

    private static Job finalized(
            final List<Replica> replicas,
            final List<Verdict.Violation> violations,
            final Optional<String> disputeOutcome) {
        final Verdict verdict = new Verdict(
                disputeOutcome.isPresent() ? Verdict.FIRM : Verdict.SOFT,
                disputeOutcome.filter(Dispute.OVERTURNED::equals).isPresent() ? LOSE : WIN,
                "2026-11-20T10:10:00.000Z",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                violations,
                "test verdict");
        Job.Resolution resolution = Job.Resolution.NONE.withVerdict(verdict, Optional.empty());
        if (disputeOutcome.isPresent()) {
            resolution = resolution.withDispute(Dispute.opened(CHALLENGER, "wrong", 1000, "t", 2)
                    .decided(disputeOutcome.get(), Optional.empty(), "re-run"));
        }
        return submitted()
                .withReplicas(replicas)
                .withResolution(resolution)
                .withState(JobState.FINALIZED, "2026-11-20T10:20:00.000Z", Optional.empty());
    }

    private void held() {
        funds.hold(submitted(), SLA);
        fixtures.ledger.commit();
    }

    private void deposited(final long amount) {
        funds.deposit(submitted(), CHALLENGER, amount);
        fixtures.ledger.commit();
    }

    private Settlement settled(final Job job) {
        final Settlement settlement = funds.settle(job, SLA);
        fixtures.ledger.commit();
        fixtures.assertConserved();
        return settlement;
    }

    private static List<Replica> threeFirstRuns() {
        return List.of(
                revealed(0, "Org1MSP/w1", WIN, 12_000, false),
                revealed(1, "Org2MSP/w1", LOSE, 12_000, false),
                revealed(2, "Org3MSP/w1", WIN, 12_000, false));
    }

    @Nested
    class Hold {
        @Test
        void moves_price_x_max_replicas_x_max_wall_seconds_from_the_submitter_to_the_jobs_escrow() {
            assertThat(funds.hold(submitted(), SLA)).isEqualTo(ESCROW);
            fixtures.ledger.commit();

            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(START - ESCROW);
            final CreditHold escrow =
                    new CreditLedger(fixtures.ledger.stub()).escrow("flip-1").orElseThrow();
            assertThat(escrow.amount()).isEqualTo(ESCROW);
            assertThat(escrow.owner()).isEqualTo(ORG1 + "/" + USER1);
            assertThat(escrow.basis()).isEqualTo("price 10 x 3 replicas x 3600 s");
            assertThat(fixtures.assertConserved().escrows()).isEqualTo(1);
        }

        @Test
        void an_iterative_job_holds_for_its_cap() {
            final Job job = Job.submitted(
                    Specs.builder().redundancy(Redundancy.iterative(2, 2, 7)).build(), CUSTOMER, "t", "tx");

            assertThat(JobFunds.escrowFor(job, SLA)).isEqualTo(10L * 7 * 3600);
        }

        @Test
        void a_price_of_0_holds_nothing_and_writes_no_key() {
            final SlaSpec free = new SlaSpec(
                    "free",
                    1,
                    VmTerms.builder()
                            .cpuMillis(1000)
                            .memoryMiB(512)
                            .diskMiB(1024)
                            .maxWallSeconds(600)
                            .minBenchmarkOpsPerSec(0)
                            .pricePerVmSecond(0)
                            .build(),
                    new JobLimits(1024, 1024));
            fixtures.ledger.as(ORG1, "CN=x");

            assertThat(funds.hold(submitted(), free)).isZero();
            assertThat(fixtures.ledger.stateWrites()).isZero();
        }

        @Test
        void a_submitter_short_of_the_escrow_is_refused_and_nothing_is_written() {
            final Submitter poor = new Submitter("Org3MSP", "x509::CN=poor::CN=ca");
            fixtures.funded(poor.msp(), poor.id(), ESCROW - 1);
            fixtures.ledger.as(ORG1, "CN=x");

            final PovmException e = catchThrowableOfType(
                    PovmException.class,
                    () -> funds.hold(Job.submitted(Specs.builder().build(), poor, "t", "tx"), SLA));

            assertThat(e.error().code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
            assertThat(e.error().reason())
                    .contains("holds 107999 credits")
                    .contains("needs 108000")
                    .contains("price 10 x 3 replicas x 3600 s");
            assertThat(fixtures.ledger.stateWrites()).isZero();
        }

        @Test
        void a_challenger_short_of_the_deposit_is_refused_and_nothing_is_written() {
            fixtures.ledger.as(ORG1, "CN=x");

            final PovmException e =
                    catchThrowableOfType(PovmException.class, () -> funds.deposit(submitted(), CHALLENGER, START + 1));

            assertThat(e.error().code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
            assertThat(fixtures.ledger.stateWrites()).isZero();
        }
    }

    @Nested
    class Refund {
        @Test
        void a_cancelled_job_returns_its_escrow_and_deposits_deletes_them_and_stores_the_settlement() {
            held();
            deposited(5000);
            final Job cancelled = submitted().withState(JobState.CANCELLED, "t", Optional.of("no"));

            final Settlement settlement = funds.refund(cancelled);
            fixtures.ledger.commit();

            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(START);
            assertThat(fixtures.balance(ORG2, USER2)).isEqualTo(START);
            assertThat(settlement.kind()).isEqualTo(Settlement.REFUND);
            assertThat(settlement.escrow()).isEqualTo(ESCROW);
            assertThat(settlement.deposits()).isEqualTo(5000);
            assertThat(settlement.refunded()).isEqualTo(ESCROW + 5000);
            assertThat(fixtures.ledger.keys())
                    .noneMatch(key -> key.contains("credit-escrow") || key.contains("credit-deposit"));
            assertThat(fixtures.ledger.get(CreditLedger.settlementKey("flip-1")))
                    .contains(PovmJson.write(settlement));
            final var audit = fixtures.assertConserved();
            assertThat(audit.escrows() + audit.deposits()).isZero();
        }

        @Test
        void a_second_refund_is_refused_and_changes_nothing() {
            held();
            final Job failed = submitted().withState(JobState.FAILED, "t", Optional.empty());
            funds.refund(failed);
            fixtures.ledger.commit();

            fixtures.ledger.as(ORG1, "CN=x");
            final PovmException e = catchThrowableOfType(PovmException.class, () -> funds.refund(failed));

            assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(e.error().reason()).contains("settled already");
            assertThat(fixtures.ledger.stateWrites()).isZero();
            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(START);
        }

        @Test
        void a_job_that_held_nothing_still_settles_once_with_no_entries() {
            final Job expired = submitted().withState(JobState.EXPIRED, "t", Optional.empty());

            final Settlement settlement = funds.refund(expired);

            assertThat(settlement.entries()).isEmpty();
            assertThat(settlement.escrow()).isZero();
        }
    }

    @Nested
    class Settle {
        @Test
        void pays_each_worker_whose_answer_won_and_returns_the_rest_of_the_escrow() {
            held();

            final Settlement settlement = settled(finalized(threeFirstRuns(), List.of(), Optional.empty()));

            assertThat(workerBalance("Org1MSP/w1")).isEqualTo(90);
            assertThat(workerBalance("Org2MSP/w1")).as("its answer lost").isZero();
            assertThat(workerBalance("Org3MSP/w1")).isEqualTo(90);
            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(START - 180);
            assertThat(settlement.paid()).isEqualTo(180);
            assertThat(settlement.refunded()).isEqualTo(ESCROW - 180);
            assertThat(settlement.winner()).isEqualTo(WIN);
            assertThat(settlement.entries().get(0).why())
                    .isEqualTo("price 10 x min(12000 ms agreed, 3600 s) x 750/1000 = 90");
            assertThat(fixtures.ledger.keys()).noneMatch(key -> key.contains("credit-escrow"));
        }

        @Test
        void the_reputation_multiplier_scales_the_pay() {
            WorkerRecord record = WorkerRecord.empty("Org1MSP/w1");
            for (int i = 0; i < 8; i++) {
                record = record.withResult().withAgreement();
            }
            new WorkerRecordLedger(fixtures.ledger.stub()).write(record);
            fixtures.ledger.commit();
            held();

            settled(finalized(threeFirstRuns(), List.of(), Optional.empty()));

            assertThat(workerBalance("Org1MSP/w1"))
                    .as("8 agreements: 500 + 500 x (8+1)/(8+2) -> 950/1000")
                    .isEqualTo(114);
            assertThat(workerBalance("Org3MSP/w1")).isEqualTo(90);
        }

        @Test
        void wall_time_over_the_sla_is_paid_up_to_the_slas_maximum() {
            held();

            settled(finalized(List.of(revealed(0, "Org1MSP/w1", WIN, 9_000_000, false)), List.of(), Optional.empty()));

            assertThat(workerBalance("Org1MSP/w1")).isEqualTo(10L * 3600 * 750 / 1000);
        }

        @Test
        void an_inflater_among_three_is_paid_and_ticketed_on_the_agreed_usage_like_its_honest_peers() {
            held();
            final List<Replica> replicas = List.of(
                    revealed(0, "Org1MSP/w1", WIN, 12_000, false),
                    revealed(1, "Org2MSP/w1", WIN, 13_000, false),
                    revealed(2, "Org3MSP/w1", WIN, 3_600_000 - 1, false));
            final List<Verdict.Violation> usage = List.of(
                    new Verdict.Violation(Verdict.Violation.WORKER, "Org3MSP/w1", 2, Verdict.Violation.USAGE, "over"));

            final Settlement settlement = settled(finalized(replicas, usage, Optional.empty()));

            // the median of 12 s, 13 s and 3600 s is 13 s: 10 x 13 x 0.75 = 97 (rounded down) for everyone
            assertThat(workerBalance("Org1MSP/w1")).isEqualTo(97);
            assertThat(workerBalance("Org2MSP/w1")).isEqualTo(97);
            assertThat(workerBalance("Org3MSP/w1")).isEqualTo(97);
            assertThat(settlement.entries().get(2).why())
                    .startsWith("price 10 x min(13000 ms agreed (claimed 3599999)");
            assertThat(new BeaconLedger(fixtures.ledger.stub()).tickets(1))
                    .extracting(Ticket::replica, Ticket::vmMillis, Ticket::tickets)
                    .containsExactly(
                            Tuple.tuple(0, 13_000L, 9_750L),
                            Tuple.tuple(1, 13_000L, 9_750L),
                            Tuple.tuple(2, 13_000L, 9_750L));
        }

        @Test
        void a_worker_with_a_worker_violation_is_not_paid_but_a_customer_violation_costs_no_worker() {
            held();
            final List<Verdict.Violation> violations = List.of(
                    new Verdict.Violation(Verdict.Violation.WORKER, "Org1MSP/w1", 0, "TIMEOUT", "misreported"),
                    new Verdict.Violation(Verdict.Violation.CUSTOMER, ORG1 + "/" + USER1, 2, "OOM_KILLED", "over"));

            settled(finalized(threeFirstRuns(), violations, Optional.empty()));

            assertThat(workerBalance("Org1MSP/w1")).isZero();
            assertThat(workerBalance("Org3MSP/w1")).isEqualTo(90);
        }

        @Test
        void upheld_re_runs_are_paid_from_the_challengers_deposit_and_its_rest_returns_to_the_challenger() {
            held();
            deposited(1000);
            final List<Replica> replicas = new ArrayList<>(threeFirstRuns());
            replicas.add(revealed(3, "Org2MSP/w2", WIN, 12_000, true));
            replicas.add(revealed(4, "Org3MSP/w2", WIN, 12_000, true));

            final Settlement settlement = settled(finalized(replicas, List.of(), Optional.of(Dispute.UPHELD)));

            assertThat(workerBalance("Org2MSP/w2")).isEqualTo(90);
            assertThat(workerBalance("Org3MSP/w2")).isEqualTo(90);
            assertThat(fixtures.balance(ORG2, USER2))
                    .as("the challenger lost 180")
                    .isEqualTo(START - 180);
            assertThat(fixtures.balance(ORG1, USER1))
                    .as("the escrow paid the first run")
                    .isEqualTo(START - 180);
            assertThat(settlement.dispute()).isEqualTo(Dispute.UPHELD);
            assertThat(settlement.entries())
                    .filteredOn(e -> e.replica() != null && e.replica() >= 3)
                    .extracting(Settlement.Entry::from)
                    .containsOnly(CreditHold.DEPOSIT);
            assertThat(fixtures.ledger.keys()).noneMatch(key -> key.contains("credit-deposit"));
        }

        @Test
        void overturned_re_runs_are_paid_from_the_escrow_and_the_deposit_returns_in_full() {
            held();
            deposited(1000);
            final List<Replica> replicas = new ArrayList<>(threeFirstRuns());
            replicas.add(revealed(3, "Org2MSP/w2", LOSE, 12_000, true));
            replicas.add(revealed(4, "Org3MSP/w2", LOSE, 12_000, true));

            settled(finalized(replicas, List.of(), Optional.of(Dispute.OVERTURNED)));

            assertThat(workerBalance("Org1MSP/w1"))
                    .as("the wrong answer is not paid")
                    .isZero();
            assertThat(workerBalance("Org3MSP/w1")).isZero();
            assertThat(workerBalance("Org2MSP/w1"))
                    .as("its answer won after all")
                    .isEqualTo(90);
            assertThat(workerBalance("Org2MSP/w2")).isEqualTo(90);
            assertThat(workerBalance("Org3MSP/w2")).isEqualTo(90);
            assertThat(fixtures.balance(ORG2, USER2)).isEqualTo(START);
            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(START - 270);
        }

        private Job audited(final List<Replica> replicas, final String outcome) {
            final Job finalized = finalized(replicas, List.of(), Optional.of(outcome));
            return finalized.withResolution(finalized
                    .resolution()
                    .withDispute(Dispute.audit(CHALLENGER, "random audit selected by beacon round 7", 7, "t", 1)
                            .decided(outcome, Optional.empty(), "re-run")));
        }

        @Test
        void an_audit_that_upholds_the_verdict_pays_its_rerun_by_a_mint_and_the_supply_grows_by_as_much() {
            held();
            final long supplyBefore = fixtures.supply().total();
            final List<Replica> replicas = new ArrayList<>(threeFirstRuns());
            replicas.add(revealed(3, "Org2MSP/w2", WIN, 12_000, true));

            final Settlement settlement = settled(audited(replicas, Dispute.UPHELD));

            assertThat(workerBalance("Org2MSP/w2")).isEqualTo(90);
            assertThat(settlement.minted()).isEqualTo(90);
            assertThat(settlement.entries())
                    .filteredOn(e -> Integer.valueOf(3).equals(e.replica()))
                    .extracting(Settlement.Entry::from)
                    .containsExactly(Settlement.Entry.MINT);
            assertThat(fixtures.balance(ORG1, USER1))
                    .as("the customer pays only the first run")
                    .isEqualTo(START - 180);
            assertThat(fixtures.balance(ORG2, USER2))
                    .as("the auditor posted nothing")
                    .isEqualTo(START);
            assertThat(fixtures.supply().total()).isEqualTo(supplyBefore + 90);
            assertThat(fixtures.supply().lastMint()).isEqualTo("audit-of-job-flip-1");
        }

        @Test
        void an_audit_that_overturns_the_verdict_is_paid_from_the_escrow_and_mints_nothing() {
            held();
            final long supplyBefore = fixtures.supply().total();
            final List<Replica> replicas = new ArrayList<>(threeFirstRuns());
            replicas.add(revealed(3, "Org2MSP/w2", LOSE, 12_000, true));

            final Settlement settlement = settled(audited(replicas, Dispute.OVERTURNED));

            assertThat(workerBalance("Org2MSP/w2")).isEqualTo(90);
            assertThat(workerBalance("Org2MSP/w1"))
                    .as("its answer won after all")
                    .isEqualTo(90);
            assertThat(workerBalance("Org1MSP/w1")).isZero();
            assertThat(settlement.minted()).isZero();
            assertThat(fixtures.supply().total()).isEqualTo(supplyBefore);
            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(START - 180);
        }

        @Test
        void when_a_pot_runs_dry_later_payees_get_what_is_left_and_the_entry_says_so() {
            held();
            deposited(100);
            final List<Replica> replicas = new ArrayList<>(threeFirstRuns());
            replicas.add(revealed(3, "Org2MSP/w2", WIN, 12_000, true));
            replicas.add(revealed(4, "Org3MSP/w2", WIN, 12_000, true));

            final Settlement settlement = settled(finalized(replicas, List.of(), Optional.of(Dispute.UPHELD)));

            assertThat(workerBalance("Org2MSP/w2")).isEqualTo(90);
            assertThat(workerBalance("Org3MSP/w2")).isEqualTo(10);
            final Settlement.Entry short4 = settlement.entries().stream()
                    .filter(e -> Integer.valueOf(4).equals(e.replica()))
                    .findFirst()
                    .orElseThrow();
            assertThat(short4.due()).isEqualTo(90);
            assertThat(short4.amount()).isEqualTo(10);
            assertThat(short4.why()).contains("the deposit had only 10 left");
            assertThat(fixtures.balance(ORG2, USER2)).isEqualTo(START - 100);
        }

        @Test
        void a_challenger_who_is_the_submitter_gets_escrow_rest_and_deposit_back_in_one_write() {
            final Job byCustomer = finalized(threeFirstRuns(), List.of(), Optional.empty())
                    .withResolution(Job.Resolution.NONE
                            .withVerdict(
                                    finalized(threeFirstRuns(), List.of(), Optional.empty())
                                            .verdict()
                                            .orElseThrow(),
                                    Optional.empty())
                            .withDispute(Dispute.opened(CUSTOMER, "x", 500, "t", 1)
                                    .decided(Dispute.UPHELD, Optional.empty(), "same")));
            held();
            funds.deposit(submitted(), CUSTOMER, 500);
            fixtures.ledger.commit();

            settled(byCustomer);

            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(START - 180);
        }

        @Test
        void a_second_settlement_is_refused_and_balances_stay_as_they_are() {
            held();
            final Job job = finalized(threeFirstRuns(), List.of(), Optional.empty());
            settled(job);
            final long customer = fixtures.balance(ORG1, USER1);

            fixtures.ledger.as(ORG1, "CN=x");
            final PovmException e = catchThrowableOfType(PovmException.class, () -> funds.settle(job, SLA));

            assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(fixtures.ledger.stateWrites()).isZero();
            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(customer);
            assertThat(workerBalance("Org1MSP/w1")).isEqualTo(90);
        }
    }

    @Nested
    class OnTransition {
        @Test
        void does_nothing_unless_the_job_enters_a_final_state() {
            held();
            final Job before = submitted();
            fixtures.ledger.as(ORG1, "CN=x");

            assertThat(funds.onTransition(before, before.withState(JobState.ASSIGNED, "t", Optional.empty()), () -> {
                        throw new AssertionError("the SLA is read only to settle");
                    }))
                    .isEmpty();
            assertThat(fixtures.ledger.stateWrites()).isZero();
        }

        @Test
        void refunds_on_entering_cancelled_and_settles_on_entering_finalized() {
            held();
            final Job before = submitted();

            assertThat(funds.onTransition(
                            before, before.withState(JobState.CANCELLED, "t", Optional.empty()), () -> SLA))
                    .map(Settlement::kind)
                    .contains(Settlement.REFUND);
            fixtures.ledger.commit();
            fixtures.assertConserved();
        }

        @Test
        void a_whole_scenario_conserves_credits_after_every_step() {
            fixtures.assertConserved();
            held();
            fixtures.assertConserved();
            deposited(1000);
            fixtures.assertConserved();
            final List<Replica> replicas = new ArrayList<>(threeFirstRuns());
            replicas.add(revealed(3, "Org2MSP/w2", WIN, 7_777, true));
            final Job finalized = finalized(replicas, List.of(), Optional.of(Dispute.UPHELD));
            funds.onTransition(
                    finalized.withState(JobState.RESOLVED_FIRM, "t", Optional.empty()), finalized, () -> SLA);
            fixtures.ledger.commit();
            final var audit = fixtures.assertConserved();
            assertThat(audit.escrows() + audit.deposits()).isZero();
            assertThat(audit.supply()).isEqualTo(2 * START);
        }
    }
}
