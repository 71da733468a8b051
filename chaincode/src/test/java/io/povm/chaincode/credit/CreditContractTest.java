// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import static io.povm.chaincode.ChaincodeErrors.errorOf;
import static io.povm.chaincode.credit.CreditFixtures.ORG1;
import static io.povm.chaincode.credit.CreditFixtures.ORG2;
import static io.povm.chaincode.credit.CreditFixtures.USER1;
import static io.povm.chaincode.credit.CreditFixtures.USER2;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Approval;
import io.povm.api.CreditAccount;
import io.povm.api.CreditAudit;
import io.povm.api.CreditSupply;
import io.povm.api.CreditTransactions;
import io.povm.api.ErrorCode;
import io.povm.api.MintProposal;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.chaincode.Identities;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditContractTest {
    private final CreditFixtures fixtures = new CreditFixtures();
    private final CreditContract contract = new CreditContract();

    private MintProposal propose(final String id, final long amount) {
        final String json = contract.ProposeMint(fixtures.admin(1), id, ORG1, USER1, Long.toString(amount), "funding");
        fixtures.ledger.commit();
        return PovmJson.read(json, MintProposal.class);
    }

    private MintProposal approve(final int org, final String id) {
        final String json = contract.ApproveMint(fixtures.admin(org), id);
        fixtures.ledger.commit();
        return PovmJson.read(json, MintProposal.class);
    }

    @Nested
    class Mint {
        @Test
        void a_proposal_counts_the_proposers_org_and_credits_nothing_yet() {
            final MintProposal proposed = propose("m-1", 500);

            assertThat(proposed.state()).isEqualTo(MintProposal.PROPOSED);
            assertThat(proposed.approvals()).extracting(Approval::msp).containsExactly(ORG1);
            assertThat(proposed.threshold()).isEqualTo(2);
            assertThat(fixtures.balance(ORG1, USER1)).isZero();
            assertThat(fixtures.supply()).isEqualTo(CreditSupply.NONE);
        }

        @Test
        void the_approval_that_reaches_the_majority_credits_the_account_and_grows_the_supply() {
            propose("m-1", 500);

            final String json = contract.ApproveMint(fixtures.admin(2), "m-1");

            assertThat(fixtures.ledger.eventNames()).containsExactly(CreditTransactions.MINT_EXECUTED_EVENT);
            fixtures.ledger.commit();
            final MintProposal executed = PovmJson.read(json, MintProposal.class);
            assertThat(executed.executed()).isTrue();
            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(500);
            assertThat(fixtures.supply().total()).isEqualTo(500);
            assertThat(fixtures.assertConserved().accounts()).isEqualTo(1);
            assertThat(PovmJson.read(contract.GetMint(fixtures.client(3), "m-1"), MintProposal.class))
                    .isEqualTo(executed);
        }

        @Test
        void a_second_approval_by_the_same_org_returns_the_stored_proposal_and_writes_nothing() {
            final MintProposal proposed = propose("m-1", 500);

            final String again = contract.ApproveMint(fixtures.admin(1), "m-1");

            assertThat(PovmJson.read(again, MintProposal.class)).isEqualTo(proposed);
            assertThat(fixtures.ledger.stateWrites()).isZero();
            assertThat(fixtures.ledger.eventNames()).isEmpty();
        }

        @Test
        void approving_an_executed_mint_again_returns_it_as_stored_and_mints_nothing_more() {
            propose("m-1", 500);
            final MintProposal executed = approve(2, "m-1");

            final String again = contract.ApproveMint(fixtures.admin(2), "m-1");

            assertThat(PovmJson.read(again, MintProposal.class)).isEqualTo(executed);
            assertThat(fixtures.ledger.stateWrites()).isZero();
            assertThat(fixtures.ledger.eventNames()).isEmpty();
            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(500);
        }

        @Test
        void an_executed_mint_is_not_approved_again() {
            propose("m-1", 500);
            approve(2, "m-1");

            final PovmError error = errorOf(() -> contract.ApproveMint(fixtures.admin(3), "m-1"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(fixtures.ledger.stateWrites()).isZero();
            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(500);
        }

        @Test
        void a_client_identity_may_neither_propose_nor_approve() {
            propose("m-1", 500);

            final PovmError proposing =
                    errorOf(() -> contract.ProposeMint(fixtures.client(1), "m-2", ORG1, USER1, "5", ""));
            assertThat(fixtures.ledger.stateWrites()).isZero();
            final PovmError approving = errorOf(() -> contract.ApproveMint(fixtures.client(2), "m-1"));
            assertThat(fixtures.ledger.stateWrites()).isZero();

            assertThat(proposing.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(approving.code()).isEqualTo(ErrorCode.FORBIDDEN);
        }

        @Test
        void an_admin_of_a_non_member_org_may_not_approve() {
            propose("m-1", 500);

            final PovmError error = errorOf(
                    () -> contract.ApproveMint(fixtures.ledger.as("Org9MSP", "CN=Admin@org9, OU=admin"), "m-1"));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(fixtures.ledger.stateWrites()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-5", "1000000000001", "1e3", "12 ", ""})
        void amounts_outside_1_to_10_to_the_12_are_refused(final String amount) {
            final PovmError error =
                    errorOf(() -> contract.ProposeMint(fixtures.admin(1), "m-1", ORG1, USER1, amount, ""));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("amount");
            assertThat(fixtures.ledger.stateWrites()).isZero();
        }

        @Test
        void the_largest_mint_is_10_to_the_12() {
            assertThat(propose("m-1", 1_000_000_000_000L).amount()).isEqualTo(1_000_000_000_000L);
        }

        @Test
        void the_identical_proposal_again_returns_the_stored_one_and_other_terms_under_its_id_are_refused() {
            final MintProposal first = propose("m-1", 500);

            assertThat(propose("m-1", 500)).isEqualTo(first);
            assertThat(fixtures.ledger.stateWrites()).isZero();
            final PovmError error =
                    errorOf(() -> contract.ProposeMint(fixtures.admin(1), "m-1", ORG1, USER1, "501", "funding"));
            assertThat(error.code()).isEqualTo(ErrorCode.DUPLICATE_ID);
        }

        @Test
        void an_account_must_be_a_fabric_id_of_an_msp() {
            final PovmError error =
                    errorOf(() -> contract.ProposeMint(fixtures.admin(1), "m-1", ORG1, "User1", "5", ""));

            assertThat(error.field()).isEqualTo("fabricId");
        }

        @Test
        void a_mint_for_an_org_that_is_not_a_member_is_refused_naming_msp() {
            final String outsider = Identities.idOf(Identities.client(9));

            final PovmError error =
                    errorOf(() -> contract.ProposeMint(fixtures.admin(1), "m-1", "Org9MSP", outsider, "5", ""));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("msp");
            assertThat(error.reason()).contains("Org9MSP is not a member org");
            assertThat(fixtures.ledger.stateWrites()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"funding \ud800", "funding \ufffd"})
        void a_reason_that_would_not_be_stored_exactly_is_refused(final String reason) {
            final PovmError error =
                    errorOf(() -> contract.ProposeMint(fixtures.admin(1), "m-1", ORG1, USER1, "5", reason));

            assertThat(error.field()).isEqualTo("reason");
            assertThat(fixtures.ledger.stateWrites()).isZero();
        }

        @Test
        void approving_an_unknown_mint_is_not_found() {
            assertThat(errorOf(() -> contract.ApproveMint(fixtures.admin(2), "nope"))
                            .code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    @Nested
    class Transfer {
        @Test
        void moves_credits_from_the_caller_to_another_identity() {
            fixtures.funded(ORG1, USER1, 1000);

            final CreditAccount sender =
                    PovmJson.read(contract.Transfer(fixtures.client(1), ORG2, USER2, "300"), CreditAccount.class);
            fixtures.ledger.commit();

            assertThat(sender.balance()).isEqualTo(700);
            assertThat(fixtures.balance(ORG1, USER1)).isEqualTo(700);
            assertThat(fixtures.balance(ORG2, USER2)).isEqualTo(300);
            assertThat(fixtures.assertConserved().accounts()).isEqualTo(2);
        }

        @Test
        void more_than_the_balance_is_refused_with_insufficient_funds_and_changes_nothing() {
            fixtures.funded(ORG1, USER1, 100);

            final PovmError error = errorOf(() -> contract.Transfer(fixtures.client(1), ORG2, USER2, "101"));

            assertThat(error.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
            assertThat(error.reason())
                    .contains("holds 100 credits")
                    .contains("needs 101")
                    .contains("povm credit");
            assertThat(fixtures.ledger.stateWrites()).isZero();
            assertThat(fixtures.ledger.eventNames()).isEmpty();
        }

        @Test
        void a_transfer_to_an_org_that_is_not_a_member_is_refused_naming_msp() {
            fixtures.funded(ORG1, USER1, 100);

            final PovmError error = errorOf(
                    () -> contract.Transfer(fixtures.client(1), "Org9MSP", Identities.idOf(Identities.client(9)), "1"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("msp");
            assertThat(error.reason()).contains("Org9MSP is not a member org");
            assertThat(fixtures.ledger.stateWrites()).isZero();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "x509::CN=User1@org2.povm.test, OU=client::CN=ca ",
                    " x509::CN=User1@org2.povm.test, OU=client::CN=ca",
                    "x509:: CN=User1@org2.povm.test::CN=ca",
                    "x509::CN=User1@org2.povm.test ::CN=ca",
                    "x509::CN=User1@org2.povm.test:: CN=ca",
                    "x509::CN=User1@org2.povm.test\t::CN=ca",
                    "x509::CN=User1@org2.povm.test",
                    "x509::::CN=ca",
                    "x509::CN=User1@org2.povm.test::"
                })
        void a_transfer_to_an_id_nobody_signs_as_is_refused_naming_fabric_id(final String lookAlike) {
            fixtures.funded(ORG1, USER1, 100);

            final PovmError error = errorOf(() -> contract.Transfer(fixtures.client(1), ORG2, lookAlike, "1"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("fabricId");
            assertThat(fixtures.ledger.stateWrites()).isZero();
        }

        @Test
        void a_transfer_to_oneself_is_refused() {
            fixtures.funded(ORG1, USER1, 100);

            assertThat(errorOf(() -> contract.Transfer(fixtures.client(1), ORG1, USER1, "1"))
                            .code())
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(fixtures.ledger.stateWrites()).isZero();
        }
    }

    @Nested
    class Reads {
        @Test
        void balance_without_arguments_is_the_callers_own() {
            fixtures.funded(ORG1, USER1, 42);

            final CreditAccount mine = PovmJson.read(contract.Balance(fixtures.client(1), "", ""), CreditAccount.class);

            assertThat(mine.fabricId()).isEqualTo(USER1);
            assertThat(mine.balance()).isEqualTo(42);
        }

        @Test
        void an_identity_that_never_held_credits_has_balance_0() {
            final CreditAccount none =
                    PovmJson.read(contract.Balance(fixtures.client(1), ORG2, USER2), CreditAccount.class);

            assertThat(none).isEqualTo(CreditAccount.empty(ORG2, USER2));
        }

        @Test
        void only_an_msp_without_an_id_is_refused() {
            assertThat(errorOf(() -> contract.Balance(fixtures.client(1), ORG2, ""))
                            .field())
                    .isEqualTo("fabricId");
        }

        @Test
        void audit_sums_every_account_against_the_supply() {
            fixtures.funded(ORG1, USER1, 10).funded(ORG2, USER2, 20);

            final CreditAudit audit = PovmJson.read(contract.Audit(fixtures.client(3)), CreditAudit.class);

            assertThat(audit).isEqualTo(new CreditAudit(2, 30, 0, 0, 0, 0, 0, 0, 30, true));
        }

        @Test
        void escrow_and_settlement_of_an_unknown_job_are_not_found() {
            assertThat(errorOf(() -> contract.GetEscrow(fixtures.client(1), "flip-1"))
                            .code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(errorOf(() -> contract.GetSettlement(fixtures.client(1), "flip-1"))
                            .code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
        }
    }
}
