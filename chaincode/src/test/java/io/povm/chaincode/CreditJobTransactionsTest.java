// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.LedgerFake.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.CreditAccount;
import io.povm.api.CreditHistory;
import io.povm.api.CreditHold;
import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Settlement;
import io.povm.api.Specs;
import io.povm.chaincode.credit.CreditContract;
import io.povm.chaincode.credit.CreditLedger;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The credit side of the job transactions, through the contracts: escrow at SubmitJob, refund at CancelJob. */
class CreditJobTransactionsTest {
    private static final long ESCROW = 10L * 3 * 3600;
    private static final Instant LATER = Instant.parse("2026-11-20T10:05:00Z");

    private final PovmContract jobs = new PovmContract();
    private final CreditContract credits = new CreditContract();
    private final LedgerFake ledger = new LedgerFake();

    private CreditAccount mine() {
        return PovmJson.read(credits.Balance(ledger.ctx, "", ""), CreditAccount.class);
    }

    @Test
    void submit_job_escrows_price_x_replicas_x_wall_seconds_readable_through_get_escrow() {
        jobs.SubmitJob(ledger.ctx, Specs.VALID_JSON);

        final CreditHold escrow = PovmJson.read(credits.GetEscrow(ledger.ctx, "flip-1"), CreditHold.class);
        assertThat(escrow.amount()).isEqualTo(ESCROW);
        assertThat(escrow.txId()).isEqualTo("tx-1");
        assertThat(mine().balance()).isEqualTo(LedgerFake.FUNDS - ESCROW);
    }

    @Test
    void a_submitter_without_enough_credits_is_refused_and_nothing_is_written() {
        ledger.committed(
                CreditLedger.accountKey(Signer.SUBMITTER.msp(), Signer.SUBMITTER.id()),
                PovmJson.write(new CreditAccount(Signer.SUBMITTER.msp(), Signer.SUBMITTER.id(), 5, "t", "m")));

        final PovmError error = errorOf(() -> jobs.SubmitJob(ledger.ctx, Specs.VALID_JSON));

        assertThat(error.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(error.reason()).contains("holds 5 credits").contains("needs " + ESCROW);
        ledger.assertNothingWritten();
    }

    @Test
    void cancel_job_refunds_the_escrow_and_stores_the_settlement_and_history_shows_both_changes() {
        jobs.SubmitJob(ledger.ctx, Specs.VALID_JSON);
        ledger.transaction("tx-cancel", LATER);

        jobs.CancelJob(ledger.ctx, "flip-1", "wrong seed");

        final Settlement settlement = PovmJson.read(credits.GetSettlement(ledger.ctx, "flip-1"), Settlement.class);
        assertThat(settlement.refunded()).isEqualTo(ESCROW);
        assertThat(settlement.txId()).isEqualTo("tx-cancel");
        assertThat(mine().balance()).isEqualTo(LedgerFake.FUNDS);
        assertThat(errorOf(() -> credits.GetEscrow(ledger.ctx, "flip-1")).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        final CreditHistory history = PovmJson.read(credits.History(ledger.ctx, "", ""), CreditHistory.class);
        assertThat(history.entries())
                .extracting(CreditHistory.Entry::txId, CreditHistory.Entry::balance, CreditHistory.Entry::memo)
                .containsExactly(
                        Tuple.tuple("tx-cancel", LedgerFake.FUNDS, "refund of job flip-1"),
                        Tuple.tuple("tx-1", LedgerFake.FUNDS - ESCROW, "escrow of job flip-1"));
        assertThat(history.entries().get(0).at()).isEqualTo("2026-11-20T10:05:00.000Z");
    }
}
