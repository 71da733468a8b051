// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.LedgerFake.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verify;

import io.povm.api.CreditAccount;
import io.povm.api.CreditAudit;
import io.povm.api.CreditHold;
import io.povm.api.CreditLot;
import io.povm.api.CreditLots;
import io.povm.api.ErrorCode;
import io.povm.api.JobBatch;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.api.Specs;
import io.povm.chaincode.credit.CreditContract;
import io.povm.chaincode.credit.CreditLedger;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;

/**
 * Escrow from lots ({@code credit:Split}, {@code credit:Lots}, {@code SubmitJobs}): one customer's submissions from
 * distinct lots touch disjoint keys, so Fabric's MVCC check never fails them against each other; two spending the
 * same lot conflict on it; every credit stays accounted for ({@code credit:Audit}).
 */
class LotEscrowTransactionsTest {
    private static final long ESCROW = 10L * 3 * 3600;
    private static final Instant LATER = Instant.parse("2026-11-20T10:05:00Z");

    private final PovmContract jobs = new PovmContract();
    private final CreditContract credits = new CreditContract();
    private final LedgerFake ledger = new LedgerFake();

    private static String batch(final String... ids) {
        final StringBuilder json = new StringBuilder("[");
        for (String id : ids) {
            json.append(json.length() == 1 ? "" : ",").append(Specs.edited(s -> s.put("id", id)));
        }
        return json.append(']').toString();
    }

    private CreditLots split(final String count, final long amount) {
        ledger.transaction("split-tx", Specs.SUBMITTED_AT);
        final CreditLots made =
                PovmJson.read(credits.Split(ledger.ctx, count, Long.toString(amount)), CreditLots.class);
        ledger.transaction("tx-1", Specs.SUBMITTED_AT);
        return made;
    }

    private long account() {
        return PovmJson.read(credits.Balance(ledger.ctx, "", ""), CreditAccount.class)
                .balance();
    }

    private CreditLots mine() {
        return PovmJson.read(credits.Lots(ledger.ctx, "", ""), CreditLots.class);
    }

    private CreditAudit audit() {
        return PovmJson.read(credits.Audit(ledger.ctx), CreditAudit.class);
    }

    @Nested
    class Split {
        @Test
        void makes_count_lots_of_amount_named_after_the_transaction_in_one_debit_of_the_account() {
            final CreditLots made = split("3", ESCROW + 7);

            assertThat(made.lots())
                    .extracting(CreditLot::lot)
                    .containsExactly("split-tx.0", "split-tx.1", "split-tx.2");
            assertThat(made.total()).isEqualTo(3 * (ESCROW + 7));
            assertThat(account()).isEqualTo(LedgerFake.FUNDS - 3 * (ESCROW + 7));
            assertThat(mine()).isEqualTo(made);
            assertThat(audit().inLots()).isEqualTo(3 * (ESCROW + 7));
            assertThat(audit().lots()).isEqualTo(3);
            assertThat(audit().conserved()).isTrue();
        }

        @Test
        void more_than_the_account_holds_is_insufficient_funds_and_writes_nothing() {
            ledger.transaction("split-tx", Specs.SUBMITTED_AT);

            final PovmError error = errorOf(() -> credits.Split(ledger.ctx, "2", Long.toString(LedgerFake.FUNDS)));

            assertThat(error.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
            assertThat(error.field()).isEqualTo("balance");
            ledger.assertNothingWritten();
        }

        @Test
        void a_count_outside_1_to_500_is_invalid_and_names_count() {
            for (String count : List.of("0", "501", "-1", "1.5", "")) {
                assertThat(errorOf(() -> credits.Split(ledger.ctx, count, "1")).field())
                        .as(count)
                        .isEqualTo("count");
            }
            ledger.assertNothingWritten();
        }
    }

    @Nested
    class SubmitFromALot {
        @Test
        void spends_the_lot_whole_escrows_the_job_and_keeps_the_rest_as_a_change_lot_named_after_the_transaction() {
            split("2", ESCROW + 7);

            final JobBatch batch =
                    PovmJson.read(jobs.SubmitJobs(ledger.ctx, batch("flip-1"), "split-tx.0"), JobBatch.class);

            assertThat(batch.created()).isEqualTo(1);
            assertThat(batch.escrowed()).isEqualTo(ESCROW);
            assertThat(batch.from()).isEqualTo("split-tx.0");
            assertThat(batch.change()).isEqualTo("tx-1.0");
            assertThat(mine().lots())
                    .extracting(CreditLot::lot, CreditLot::amount)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("split-tx.1", ESCROW + 7),
                            org.assertj.core.groups.Tuple.tuple("tx-1.0", 7L));
            final CreditHold hold = PovmJson.read(credits.GetEscrow(ledger.ctx, "flip-1"), CreditHold.class);
            assertThat(hold.amount()).isEqualTo(ESCROW);
            assertThat(hold.basis()).endsWith("from lot split-tx.0");
            assertThat(account()).isEqualTo(LedgerFake.FUNDS - 2 * (ESCROW + 7));
            assertThat(audit().conserved()).isTrue();
            verify(ledger.stub).setEvent(PovmTransactions.JOBS_SUBMITTED_EVENT, PovmJson.writeBytes(batch));
        }

        @Test
        void an_exact_lot_leaves_no_change() {
            split("1", ESCROW);

            final JobBatch batch =
                    PovmJson.read(jobs.SubmitJobs(ledger.ctx, batch("flip-1"), "split-tx.0"), JobBatch.class);

            assertThat(batch.change()).isNull();
            assertThat(mine().count()).isZero();
            assertThat(audit().conserved()).isTrue();
        }

        @Test
        void a_spent_lot_is_not_found_and_the_second_submission_writes_nothing() {
            split("1", ESCROW);
            jobs.SubmitJobs(ledger.ctx, batch("flip-1"), "split-tx.0");
            ledger.transaction("tx-2", LATER);

            final PovmError error = errorOf(() -> jobs.SubmitJobs(ledger.ctx, batch("flip-2"), "split-tx.0"));

            assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(error.field()).isEqualTo("lot");
            ledger.assertNothingWritten();
        }

        @Test
        void a_lot_smaller_than_the_escrow_is_insufficient_funds_naming_the_lot_and_writes_nothing() {
            split("1", ESCROW - 1);

            final PovmError error = errorOf(() -> jobs.SubmitJobs(ledger.ctx, batch("flip-1"), "split-tx.0"));

            assertThat(error.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
            assertThat(error.field()).isEqualTo("lot");
            assertThat(error.reason()).contains("holds " + (ESCROW - 1)).contains("needs " + ESCROW);
            ledger.assertNothingWritten();
        }

        @Test
        void another_identitys_lot_is_not_found_for_the_caller() {
            split("1", ESCROW);
            ledger.signedBy(Signer.SAME_ORG_CLIENT);

            final PovmError error = errorOf(() -> jobs.SubmitJobs(ledger.ctx, batch("flip-1"), "split-tx.0"));

            assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
            ledger.assertNothingWritten();
        }

        @Test
        void a_refund_of_a_lot_funded_job_returns_its_escrow_to_the_account_and_conserves_credits() {
            split("1", ESCROW + 7);
            jobs.SubmitJobs(ledger.ctx, batch("flip-1"), "split-tx.0");
            ledger.transaction("tx-cancel", LATER);

            jobs.CancelJob(ledger.ctx, "flip-1", "");

            assertThat(account()).isEqualTo(LedgerFake.FUNDS - 7);
            assertThat(mine().total()).isEqualTo(7);
            assertThat(audit().conserved()).isTrue();
        }
    }

    /** What Fabric's MVCC check compares: the keys one transaction read against those another wrote. */
    @Nested
    class Conflicts {
        private record Access(Set<String> read, Set<String> written, int rangeReads) {}

        private Access run(final String txId, final Consumer<LedgerFake> transaction) {
            final TreeMap<String, byte[]> before = new TreeMap<>(ledger.state);
            ledger.transaction(txId, LATER);
            transaction.accept(ledger);
            final Set<String> read = new HashSet<>();
            final Set<String> written = new HashSet<>();
            int ranges = 0;
            for (Invocation call : mockingDetails(ledger.stub).getInvocations()) {
                switch (call.getMethod().getName()) {
                    case "getState" -> read.add(call.getArgument(0));
                    case "putState", "delState" -> written.add(call.getArgument(0));
                    case "getStateByPartialCompositeKey",
                            "getStateByRange",
                            "getStateByPartialCompositeKeyWithPagination" -> ranges++;
                    default -> {}
                }
            }
            ledger.state.clear();
            ledger.state.putAll(before); // the next transaction is simulated on the same state: same block
            return new Access(read, written, ranges);
        }

        private static boolean conflict(final Access first, final Access second) {
            return second.read().stream().anyMatch(first.written()::contains) || second.rangeReads() > 0;
        }

        @Test
        void two_submissions_from_distinct_lots_of_one_customer_read_nothing_the_other_writes() {
            split("2", ESCROW);

            final Access a = run("tx-a", l -> jobs.SubmitJobs(l.ctx, batch("flip-a"), "split-tx.0"));
            final Access b = run("tx-b", l -> jobs.SubmitJobs(l.ctx, batch("flip-b"), "split-tx.1"));

            assertThat(a.written())
                    .contains(CreditLedger.lotKey(Signer.SUBMITTER.msp(), Signer.SUBMITTER.id(), "split-tx.0"));
            assertThat(a.rangeReads()).isZero();
            assertThat(conflict(a, b)).isFalse();
            assertThat(conflict(b, a)).isFalse();
        }

        @Test
        void two_submissions_from_the_same_lot_conflict_on_that_lot_only() {
            split("1", ESCROW);

            final Access a = run("tx-a", l -> jobs.SubmitJobs(l.ctx, batch("flip-a"), "split-tx.0"));
            final Access b = run("tx-b", l -> jobs.SubmitJobs(l.ctx, batch("flip-b"), "split-tx.0"));

            final Set<String> both = new HashSet<>(b.read());
            both.retainAll(a.written());
            assertThat(both)
                    .containsExactly(CreditLedger.lotKey(Signer.SUBMITTER.msp(), Signer.SUBMITTER.id(), "split-tx.0"));
        }

        @Test
        void two_submissions_from_the_account_conflict_on_the_account() {
            final Access a = run("tx-a", l -> jobs.SubmitJob(l.ctx, Specs.edited(s -> s.put("id", "flip-a"))));
            final Access b = run("tx-b", l -> jobs.SubmitJob(l.ctx, Specs.edited(s -> s.put("id", "flip-b"))));

            final Set<String> both = new HashSet<>(b.read());
            both.retainAll(a.written());
            assertThat(both).containsExactly(CreditLedger.accountKey(Signer.SUBMITTER.msp(), Signer.SUBMITTER.id()));
        }
    }

    @Nested
    class Batch {
        @Test
        void escrows_every_job_in_one_debit_of_the_account_and_one_hold_per_job() {
            final JobBatch batch =
                    PovmJson.read(jobs.SubmitJobs(ledger.ctx, batch("a-1", "a-2", "a-3"), ""), JobBatch.class);

            assertThat(batch.created()).isEqualTo(3);
            assertThat(batch.escrowed()).isEqualTo(3 * ESCROW);
            assertThat(batch.from()).isEqualTo(JobBatch.ACCOUNT);
            assertThat(account()).isEqualTo(LedgerFake.FUNDS - 3 * ESCROW);
            verify(ledger.stub, org.mockito.Mockito.times(1))
                    .putState(
                            org.mockito.ArgumentMatchers.eq(
                                    CreditLedger.accountKey(Signer.SUBMITTER.msp(), Signer.SUBMITTER.id())),
                            any());
            for (String id : List.of("a-1", "a-2", "a-3")) {
                assertThat(PovmJson.read(credits.GetEscrow(ledger.ctx, id), CreditHold.class)
                                .amount())
                        .isEqualTo(ESCROW);
                assertThat(jobs.GetJob(ledger.ctx, id)).contains("\"state\":\"SUBMITTED\"");
            }
            assertThat(audit().conserved()).isTrue();
        }

        @Test
        void one_bad_spec_refuses_the_whole_batch_naming_its_index_and_writes_nothing() {
            final String bad = "[" + Specs.edited(s -> s.put("id", "b-1")) + ","
                    + Specs.edited(s -> s.put("id", "b-2").put("deadline", "2026-11-20T10:00:30Z")) + "]";

            final PovmError error = errorOf(() -> jobs.SubmitJobs(ledger.ctx, bad, ""));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("specs[1].deadline");
            ledger.assertNothingWritten();
        }

        @Test
        void a_malformed_field_of_an_element_is_named_with_its_index() {
            final String bad = "[" + Specs.edited(s -> s.put("id", "b-1")) + ","
                    + Specs.edited(s -> s.put("id", "b-2").put("image", "nope")) + "]";

            assertThat(errorOf(() -> jobs.SubmitJobs(ledger.ctx, bad, "")).field())
                    .isEqualTo("specs[1].image");
        }

        @Test
        void the_same_id_twice_in_a_batch_is_invalid_and_names_the_second() {
            final PovmError error = errorOf(() -> jobs.SubmitJobs(ledger.ctx, batch("c-1", "c-2", "c-1"), ""));

            assertThat(error.field()).isEqualTo("specs[2].id");
            ledger.assertNothingWritten();
        }

        @Test
        void an_empty_batch_and_one_over_the_limit_are_invalid() {
            assertThat(errorOf(() -> jobs.SubmitJobs(ledger.ctx, "[]", "")).field())
                    .isEqualTo("specs");
            final String[] ids = new String[PovmTransactions.MAX_BATCH + 1];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = "d-" + i;
            }
            assertThat(errorOf(() -> jobs.SubmitJobs(ledger.ctx, batch(ids), ""))
                            .field())
                    .isEqualTo("specs");
            assertThat(errorOf(() -> jobs.SubmitJobs(ledger.ctx, "{}", "")).field())
                    .isEqualTo("specs");
            ledger.assertNothingWritten();
        }

        @Test
        void the_identical_batch_again_is_a_replay_that_writes_nothing_and_needs_no_lot() {
            jobs.SubmitJobs(ledger.ctx, batch("e-1", "e-2"), "");
            ledger.transaction("tx-2", LATER);

            final JobBatch replay =
                    PovmJson.read(jobs.SubmitJobs(ledger.ctx, batch("e-1", "e-2"), "no-such-lot"), JobBatch.class);

            assertThat(replay.created()).isZero();
            assertThat(replay.jobs()).extracting(j -> j.id()).containsExactly("e-1", "e-2");
            ledger.assertNothingWritten();
        }

        @Test
        void a_malformed_lot_is_invalid_and_names_lot() {
            assertThat(errorOf(() -> jobs.SubmitJobs(ledger.ctx, batch("f-1"), "a b"))
                            .field())
                    .isEqualTo("lot");
            verify(ledger.stub, org.mockito.Mockito.never()).putState(anyString(), any());
        }
    }
}
