package io.povm.chaincode.org;

import static io.povm.chaincode.ChaincodeErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
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

    @Nested
    class UnknownTransaction {
        @Test
        void names_the_accepted_transactions() {
            final PovmError error = errorOf(() -> contract.unknownTransaction(ledger.as("Org1MSP", "CN=x")));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_ARGUMENT [function] unknown transaction; accepted: org:Bootstrap,"
                            + " org:GetMembers");
        }
    }
}
