// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.Approval;
import io.povm.api.CreditAccount;
import io.povm.api.CreditAudit;
import io.povm.api.CreditLot;
import io.povm.api.CreditLots;
import io.povm.api.ErrorCode;
import io.povm.api.MintProposal;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Submitter;
import io.povm.client.PovmClientException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code povm credit} commands against a mocked {@link io.povm.client.credit.CreditClient}. */
class CreditCommandsTest {
    private static final String ID = "x509::CN=User1@org2.povm.test::CN=ca.org2.povm.test";
    private static final CreditAccount MINE = new CreditAccount("Org1MSP", "x509::me", 700, "t", "transfer");

    private final CliHarness cli = new CliHarness();

    @Test
    void balance_without_options_reads_the_callers_own_account() {
        when(cli.credits.balance("", "")).thenReturn(MINE);

        assertThat(cli.run("credit", "balance")).isZero();

        assertThat(cli.out()).contains("balance   700");
    }

    @Test
    void balance_prints_the_stored_json_with_o_json() {
        when(cli.credits.balance("Org2MSP", ID)).thenReturn(MINE);

        assertThat(cli.run("credit", "balance", "--msp", "Org2MSP", "--id", ID, "-o", "json"))
                .isZero();

        assertThat(cli.out().trim()).isEqualTo(PovmJson.write(MINE));
    }

    @Test
    void an_msp_without_an_id_is_a_usage_error_before_any_connection() {
        assertThat(cli.run("credit", "balance", "--msp", "Org2MSP")).isEqualTo(2);

        assertThat(cli.err()).contains("give both --msp and --id");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void split_makes_the_lots_and_prints_them_and_lots_lists_them() {
        final CreditLots made = CreditLots.of(
                "Org1MSP",
                ID,
                List.of(
                        new CreditLot(
                                "Org1MSP", ID, "tx-1.0", 40_000, "t", "tx-1", "split of 80000 into 2 lots of 40000"),
                        new CreditLot(
                                "Org1MSP", ID, "tx-1.1", 40_000, "t", "tx-1", "split of 80000 into 2 lots of 40000")));
        when(cli.credits.split(2, 40_000)).thenReturn(made);
        when(cli.credits.lots("", "")).thenReturn(made);

        assertThat(cli.run("credit", "split", "--count", "2", "--amount", "40000"))
                .isZero();
        assertThat(cli.run("credit", "lots")).isZero();

        assertThat(cli.out()).contains("lots      2 holding 80000").contains("  tx-1.1 40000 (split of 80000");
    }

    @Test
    void split_outside_1_to_500_lots_or_without_credits_is_a_usage_error_before_any_connection() {
        assertThat(cli.run("credit", "split", "--count", "501", "--amount", "1"))
                .isEqualTo(2);
        assertThat(cli.run("credit", "split", "--count", "2", "--amount", "0")).isEqualTo(2);

        verify(cli.credits, never()).split(org.mockito.ArgumentMatchers.anyInt(), anyLong());
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void transfer_needs_an_account_and_a_positive_amount() {
        assertThat(cli.run("credit", "transfer", "5")).isEqualTo(2);
        assertThat(cli.run("credit", "transfer", "--msp", "Org2MSP", "--id", ID, "0"))
                .isEqualTo(2);
        assertThat(cli.run("credit", "transfer", "--msp", "Org2MSP", "--id", ID, "ten"))
                .isEqualTo(2);

        verify(cli.credits, never()).transfer(anyString(), anyString(), anyLong());
    }

    @Test
    void transfer_refused_for_insufficient_funds_exits_3_with_the_reason_and_a_hint() {
        final PovmError error = new PovmError(ErrorCode.INSUFFICIENT_FUNDS, "balance", "holds 5 credits; needs 10");
        when(cli.credits.transfer("Org2MSP", ID, 10)).thenThrow(PovmClientException.rejected(error, null));

        assertThat(cli.run("credit", "transfer", "--msp", "Org2MSP", "--id", ID, "10"))
                .isEqualTo(3);

        assertThat(cli.err())
                .contains("INSUFFICIENT_FUNDS")
                .contains("holds 5 credits")
                .contains("povm credit balance");
    }

    @Test
    void mint_propose_then_approve_print_the_proposal() {
        final MintProposal proposed = new MintProposal(
                "m-1",
                "Org2MSP",
                ID,
                5000,
                "pilot",
                MintProposal.PROPOSED,
                new Submitter("Org1MSP", "x509::a"),
                "t",
                List.of(new Approval("Org1MSP", "x509::a", "t", "tx")),
                2,
                null);
        when(cli.credits.proposeMint("m-1", "Org2MSP", ID, 5000, "pilot")).thenReturn(proposed);

        assertThat(cli.run(
                        "credit",
                        "mint",
                        "propose",
                        "m-1",
                        "--msp",
                        "Org2MSP",
                        "--id",
                        ID,
                        "--amount",
                        "5000",
                        "--reason",
                        "pilot",
                        "--profile",
                        "org1-admin"))
                .isZero();

        assertThat(cli.out()).contains("mint      m-1 PROPOSED").contains("approvals 1 of 2 needed");
        assertThat(cli.profilesOpened).containsExactly("org1-admin");
    }

    @Test
    void mint_propose_without_amount_is_a_usage_error() {
        assertThat(cli.run("credit", "mint", "propose", "m-1", "--msp", "Org2MSP", "--id", ID))
                .isEqualTo(2);
    }

    @Test
    void audit_says_whether_credits_are_conserved() {
        when(cli.credits.audit()).thenReturn(CreditAudit.of(6, 5980, 2, 10, 1, 10, 0, 0, 6000));

        assertThat(cli.run("credit", "audit")).isZero();

        assertThat(cli.out())
                .contains("in lots   10 in 2 lots")
                .contains("conserved: balances + in lots + escrowed + deposited == supply");
    }

    @Test
    void every_credit_command_has_help_with_an_example() {
        for (String[] command : List.of(
                new String[] {"credit"},
                new String[] {"credit", "balance"},
                new String[] {"credit", "history"},
                new String[] {"credit", "transfer"},
                new String[] {"credit", "split"},
                new String[] {"credit", "lots"},
                new String[] {"credit", "mint"},
                new String[] {"credit", "mint", "propose"},
                new String[] {"credit", "mint", "approve"},
                new String[] {"credit", "mint", "show"},
                new String[] {"credit", "audit"},
                new String[] {"credit", "settlement"})) {
            final String[] args = Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";

            assertThat(cli.run(args)).as(String.join(" ", args)).isZero();
            assertThat(cli.out())
                    .as(String.join(" ", args))
                    .contains("Examples:")
                    .contains("povm credit");
        }
    }
}
