// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.org;

import static io.povm.chaincode.ChaincodeErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.MemberProposal;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.chaincode.Identities;
import io.povm.chaincode.MockLedger;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgContractTransactionsTest {
    private static final String THREE_ORGS = "[\"Org1MSP\",\"Org2MSP\",\"Org3MSP\"]";
    private static final String STORED = "{\"msps\":[\"Org1MSP\",\"Org2MSP\",\"Org3MSP\"],\"threshold\":2,"
            + "\"bootstrappedBy\":{\"msp\":\"Org1MSP\",\"id\":\"" + Identities.idOf(Identities.admin(1)) + "\"},"
            + "\"bootstrappedAt\":\"" + MockLedger.NOW_ISO + "\",\"bootstrapTxId\":\"tx-1\"}";

    private final OrgContract contract = new OrgContract();
    private final MockLedger ledger = new MockLedger();

    private void assertNothingWritten() {
        assertThat(ledger.stateWrites()).isZero();
        assertThat(ledger.eventNames()).isEmpty();
    }

    private String bootstrapAsOrg1Admin(final String mspIds) {
        final String result = contract.Bootstrap(ledger.as("Org1MSP", Identities.admin(1)), mspIds);
        ledger.commit();
        return result;
    }

    @Nested
    class Bootstrap {
        @Test
        void stores_the_members_under_one_key_with_one_event_of_the_same_bytes() {
            final String result = contract.Bootstrap(ledger.as("Org1MSP", Identities.admin(1)), THREE_ORGS);

            assertThat(result).isEqualTo(STORED);
            assertThat(ledger.writes()).isEqualTo(Map.of("/org-members/", STORED));
            assertThat(ledger.eventNames()).containsExactly("MembersBootstrapped");
            assertThat(ledger.eventPayload()).isEqualTo(STORED);
        }

        @Test
        void sorts_the_ids_and_derives_the_majority() {
            final Members members = PovmJson.read(
                    bootstrapAsOrg1Admin("[\"Org3MSP\",\"Org1MSP\",\"Org2MSP\",\"Org4MSP\"]"), Members.class);

            assertThat(members.msps()).containsExactly("Org1MSP", "Org2MSP", "Org3MSP", "Org4MSP");
            assertThat(members.threshold()).isEqualTo(3);
        }

        @Test
        void an_identical_second_bootstrap_returns_the_stored_members_and_writes_nothing() {
            bootstrapAsOrg1Admin(THREE_ORGS);

            final String again = contract.Bootstrap(
                    ledger.as("Org2MSP", Identities.admin(2)), "[\"Org3MSP\",\"Org2MSP\",\"Org1MSP\"]");

            assertThat(again).isEqualTo(STORED);
            assertNothingWritten();
        }

        @Test
        void a_different_second_bootstrap_is_refused_as_invalid_state() {
            bootstrapAsOrg1Admin(THREE_ORGS);

            final PovmError error = errorOf(
                    () -> contract.Bootstrap(ledger.as("Org1MSP", Identities.admin(1)), "[\"Org1MSP\",\"Org2MSP\"]"));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_STATE [mspIds] the members are already set to Org1MSP, Org2MSP, Org3MSP (by"
                            + " Org1MSP at " + MockLedger.NOW_ISO + "); Bootstrap runs once, and changing the members"
                            + " will need a majority vote");
            assertNothingWritten();
            assertThat(ledger.get(MemberLedger.key())).contains(STORED);
        }

        @Test
        void the_list_must_include_the_callers_own_org() {
            final PovmError error = errorOf(
                    () -> contract.Bootstrap(ledger.as("Org1MSP", Identities.admin(1)), "[\"Org2MSP\",\"Org3MSP\"]"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("mspIds");
            assertThat(error.reason()).startsWith("must include the caller's own org Org1MSP");
            assertNothingWritten();
        }

        @Test
        void a_client_may_not_bootstrap() {
            final PovmError error =
                    errorOf(() -> contract.Bootstrap(ledger.as("Org1MSP", Identities.client(1)), THREE_ORGS));

            assertThat(error.toMessage())
                    .isEqualTo("FORBIDDEN [caller] org:Bootstrap requires an org admin identity (OU=admin); caller has"
                            + " OU=client");
            assertNothingWritten();
        }

        @Test
        void a_worker_may_not_bootstrap() {
            final PovmError error =
                    errorOf(() -> contract.Bootstrap(ledger.as("Org2MSP", Identities.worker(2)), THREE_ORGS));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertNothingWritten();
        }

        @ParameterizedTest(name = "{0} is rejected")
        @ValueSource(strings = {"", "[]", "Org1MSP", "[\"Org1MSP\",\"Org1MSP\"]", "[\"Org1MSP\",\"Org 2\"]"})
        void rejects_a_malformed_list_and_writes_nothing(final String mspIds) {
            final PovmError error =
                    errorOf(() -> contract.Bootstrap(ledger.as("Org1MSP", Identities.admin(1)), mspIds));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).startsWith("mspIds");
            assertNothingWritten();
        }
    }

    @Nested
    class GetMembers {
        @Test
        void returns_the_stored_members_to_any_identity() {
            bootstrapAsOrg1Admin(THREE_ORGS);

            assertThat(contract.GetMembers(ledger.as("Org2MSP", Identities.client(2))))
                    .isEqualTo(STORED);
        }

        @Test
        void reports_members_not_set_yet_as_not_found() {
            final PovmError error = errorOf(() -> contract.GetMembers(ledger.as("Org1MSP", Identities.admin(1))));

            assertThat(error.toMessage())
                    .isEqualTo("NOT_FOUND [members] the member orgs are not set yet; an org admin runs org:Bootstrap"
                            + " once after the chaincode is deployed");
        }
    }

    private static String adminOf(final String msp) {
        return Identities.admin(Integer.parseInt(msp.replaceAll("[^0-9]", "")));
    }

    private String proposeAs(final String msp, final String mspId) {
        final String result = contract.ProposeMember(ledger.as(msp, adminOf(msp)), mspId);
        ledger.commit();
        return result;
    }

    private String approveAs(final String msp, final String mspId) {
        final String result = contract.ApproveMember(ledger.as(msp, adminOf(msp)), mspId);
        ledger.commit();
        return result;
    }

    private Members storedMembers() {
        return PovmJson.read(ledger.get(MemberLedger.key()).orElseThrow(), Members.class);
    }

    @Nested
    class ProposeMember {
        @Test
        void stores_the_proposal_under_its_own_key_with_the_proposers_approval_and_one_event() {
            bootstrapAsOrg1Admin(THREE_ORGS);

            final MemberProposal proposal = PovmJson.read(
                    contract.ProposeMember(ledger.as("Org1MSP", Identities.admin(1)), "Org4MSP"), MemberProposal.class);

            assertThat(proposal.state()).isEqualTo(MemberProposal.PROPOSED);
            assertThat(proposal.approvingOrgs()).containsExactly("Org1MSP");
            assertThat(proposal.threshold()).isEqualTo(2);
            assertThat(ledger.writes()).containsOnlyKeys("/org-member-proposal/Org4MSP/");
            assertThat(ledger.eventNames()).containsExactly("MemberProposed");
            assertThat(ledger.eventPayload()).isEqualTo(PovmJson.write(proposal));
            ledger.commit();
            assertThat(storedMembers().msps()).containsExactly("Org1MSP", "Org2MSP", "Org3MSP");
        }

        @Test
        void the_same_org_proposing_again_gets_the_stored_proposal_and_writes_nothing() {
            bootstrapAsOrg1Admin(THREE_ORGS);
            final String first = proposeAs("Org1MSP", "Org4MSP");

            final String again = contract.ProposeMember(ledger.as("Org1MSP", Identities.admin(1)), "Org4MSP");

            assertThat(again).isEqualTo(first);
            assertNothingWritten();
        }

        @Test
        void another_org_proposing_the_same_org_is_told_to_approve_instead() {
            bootstrapAsOrg1Admin(THREE_ORGS);
            proposeAs("Org1MSP", "Org4MSP");

            final PovmError error =
                    errorOf(() -> contract.ProposeMember(ledger.as("Org2MSP", Identities.admin(2)), "Org4MSP"));

            assertThat(error.toMessage())
                    .isEqualTo("DUPLICATE_ID [mspId] a proposal to add Org4MSP is open (proposed by Org1MSP, approved"
                            + " by Org1MSP); approve it with org:ApproveMember");
            assertNothingWritten();
        }

        @Test
        void a_member_cannot_be_proposed_again() {
            bootstrapAsOrg1Admin(THREE_ORGS);

            final PovmError error =
                    errorOf(() -> contract.ProposeMember(ledger.as("Org1MSP", Identities.admin(1)), "Org3MSP"));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_STATE [mspId] Org3MSP is a member already (members: Org1MSP, Org2MSP,"
                            + " Org3MSP)");
            assertNothingWritten();
        }

        @Test
        void the_admin_of_an_org_that_is_not_a_member_may_not_propose_even_itself() {
            bootstrapAsOrg1Admin(THREE_ORGS);

            final PovmError error =
                    errorOf(() -> contract.ProposeMember(ledger.as("Org4MSP", Identities.admin(4)), "Org4MSP"));

            assertThat(error.toMessage())
                    .isEqualTo("FORBIDDEN [caller] org:ProposeMember requires an admin of a member org; Org4MSP is not"
                            + " a member (members: Org1MSP, Org2MSP, Org3MSP)");
            assertNothingWritten();
        }

        @Test
        void a_client_of_a_member_org_may_not_propose() {
            bootstrapAsOrg1Admin(THREE_ORGS);

            final PovmError error =
                    errorOf(() -> contract.ProposeMember(ledger.as("Org1MSP", Identities.client(1)), "Org4MSP"));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertNothingWritten();
        }

        @ParameterizedTest(name = "''{0}'' is rejected")
        @ValueSource(strings = {"", "Org 4", "[\"Org4MSP\"]"})
        void rejects_a_malformed_msp_id_naming_the_field(final String mspId) {
            bootstrapAsOrg1Admin(THREE_ORGS);

            final PovmError error =
                    errorOf(() -> contract.ProposeMember(ledger.as("Org1MSP", Identities.admin(1)), mspId));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("mspId");
            assertNothingWritten();
        }

        @Test
        void in_a_one_member_network_the_proposal_adds_the_org_at_once() {
            bootstrapAsOrg1Admin("[\"Org1MSP\"]");

            final MemberProposal proposal = PovmJson.read(proposeAs("Org1MSP", "Org2MSP"), MemberProposal.class);

            assertThat(proposal.executed()).isTrue();
            assertThat(storedMembers().msps()).containsExactly("Org1MSP", "Org2MSP");
        }

        @Test
        void refuses_before_the_bootstrap() {
            final PovmError error =
                    errorOf(() -> contract.ProposeMember(ledger.as("Org1MSP", Identities.admin(1)), "Org4MSP"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(error.field()).isEqualTo("members");
        }
    }

    @Nested
    class ApproveMember {
        @Test
        void the_approval_that_reaches_the_majority_adds_the_org_and_raises_the_threshold() {
            bootstrapAsOrg1Admin(THREE_ORGS);
            proposeAs("Org1MSP", "Org4MSP");

            final MemberProposal proposal = PovmJson.read(
                    contract.ApproveMember(ledger.as("Org2MSP", Identities.admin(2)), "Org4MSP"), MemberProposal.class);

            assertThat(proposal.executed()).isTrue();
            assertThat(proposal.executedAt()).isEqualTo(MockLedger.NOW_ISO);
            assertThat(proposal.approvingOrgs()).containsExactly("Org1MSP", "Org2MSP");
            assertThat(ledger.eventNames()).containsExactly("MemberAdded");
            ledger.commit();
            final Members members = storedMembers();
            assertThat(members.msps()).containsExactly("Org1MSP", "Org2MSP", "Org3MSP", "Org4MSP");
            assertThat(members.threshold()).isEqualTo(3);
            assertThat(members.bootstrapTxId()).isEqualTo("tx-1");
            assertThat(ledger.get(MemberLedger.proposalKey("Org4MSP"))).contains(PovmJson.write(proposal));
        }

        @Test
        void an_approval_short_of_the_majority_is_recorded_and_changes_no_member() {
            bootstrapAsOrg1Admin("[\"Org1MSP\",\"Org2MSP\",\"Org3MSP\",\"Org4MSP\"]");
            proposeAs("Org1MSP", "Org5MSP");

            final MemberProposal second = PovmJson.read(approveAs("Org2MSP", "Org5MSP"), MemberProposal.class);
            final MemberProposal third = PovmJson.read(
                    contract.ApproveMember(ledger.as("Org4MSP", Identities.admin(4)), "Org5MSP"), MemberProposal.class);

            assertThat(second.state()).isEqualTo(MemberProposal.PROPOSED);
            assertThat(third.executed()).isTrue();
            assertThat(third.approvingOrgs()).containsExactly("Org1MSP", "Org2MSP", "Org4MSP");
            ledger.commit();
            assertThat(storedMembers().msps()).contains("Org5MSP").hasSize(5);
        }

        @Test
        void a_second_approval_by_the_same_org_returns_the_stored_proposal_and_writes_nothing() {
            bootstrapAsOrg1Admin("[\"Org1MSP\",\"Org2MSP\",\"Org3MSP\",\"Org4MSP\"]");
            final String proposed = proposeAs("Org1MSP", "Org5MSP");

            final String again = contract.ApproveMember(ledger.as("Org1MSP", Identities.admin(1)), "Org5MSP");

            assertThat(again).isEqualTo(proposed);
            assertNothingWritten();
        }

        @Test
        void an_org_that_approved_an_added_org_approving_again_gets_the_proposal_as_stored() {
            bootstrapAsOrg1Admin(THREE_ORGS);
            proposeAs("Org1MSP", "Org4MSP");
            final String executed = approveAs("Org2MSP", "Org4MSP");

            final String again = contract.ApproveMember(ledger.as("Org2MSP", Identities.admin(2)), "Org4MSP");

            assertThat(again).isEqualTo(executed);
            assertNothingWritten();
        }

        @Test
        void an_added_org_cannot_be_approved_again() {
            bootstrapAsOrg1Admin(THREE_ORGS);
            proposeAs("Org1MSP", "Org4MSP");
            approveAs("Org2MSP", "Org4MSP");

            final PovmError error =
                    errorOf(() -> contract.ApproveMember(ledger.as("Org3MSP", Identities.admin(3)), "Org4MSP"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(error.reason()).startsWith("Org4MSP is a member already");
            assertNothingWritten();
        }

        @Test
        void an_added_org_governs_with_the_others() {
            bootstrapAsOrg1Admin(THREE_ORGS);
            proposeAs("Org1MSP", "Org4MSP");
            approveAs("Org2MSP", "Org4MSP");

            final MemberProposal proposal = PovmJson.read(proposeAs("Org4MSP", "Org5MSP"), MemberProposal.class);

            assertThat(proposal.approvingOrgs()).containsExactly("Org4MSP");
            assertThat(proposal.threshold()).isEqualTo(3);
        }

        @Test
        void approving_what_nobody_proposed_is_not_found() {
            bootstrapAsOrg1Admin(THREE_ORGS);

            final PovmError error =
                    errorOf(() -> contract.ApproveMember(ledger.as("Org2MSP", Identities.admin(2)), "Org4MSP"));

            assertThat(error.toMessage())
                    .isEqualTo("NOT_FOUND [mspId] nobody proposed adding Org4MSP; a member org's admin proposes it with"
                            + " org:ProposeMember");
            assertNothingWritten();
        }
    }

    @Nested
    class GetMemberProposal {
        @Test
        void returns_the_stored_proposal_to_any_identity() {
            bootstrapAsOrg1Admin(THREE_ORGS);
            final String stored = proposeAs("Org1MSP", "Org4MSP");

            assertThat(contract.GetMemberProposal(ledger.as("Org4MSP", Identities.client(4)), "Org4MSP"))
                    .isEqualTo(stored);
        }

        @Test
        void reports_no_proposal_as_not_found() {
            final PovmError error =
                    errorOf(() -> contract.GetMemberProposal(ledger.as("Org1MSP", Identities.client(1)), "Org4MSP"));

            assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(error.field()).isEqualTo("mspId");
        }
    }

    @Nested
    class UnknownTransaction {
        @Test
        void names_the_accepted_transactions() {
            final PovmError error = errorOf(() -> contract.unknownTransaction(ledger.as("Org1MSP", "CN=x")));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_ARGUMENT [function] unknown transaction; accepted: org:Bootstrap,"
                            + " org:GetMembers, org:ProposeMember, org:ApproveMember, org:GetMemberProposal,"
                            + " org:RegisterOperator, org:RemoveOperator, org:GetOperators");
        }
    }
}
