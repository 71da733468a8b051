// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.PovmError;
import io.povm.api.Workers;
import io.povm.api.beacon.ShareCipher;
import io.povm.chaincode.beacon.BeaconContract;
import io.povm.chaincode.beacon.ThresholdContract;
import io.povm.chaincode.clock.ClockContract;
import io.povm.chaincode.clock.ClockLedger;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.org.OrgContract;
import io.povm.chaincode.worker.RegisteredWorkers;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access-control matrix of an org's own duties and of its operator registry (docs/access-control-duties.md), one
 * case per cell. Members are Org1MSP, Org2MSP and Org3MSP; the caller is Org2's registered operator, its admin, a
 * customer (client) of Org2, a registered worker of Org2 that is not an operator, or the admin of Org4MSP, which is
 * not a member. A refused call names the caller rule and writes nothing.
 */
class DutyAccessControlTest {
    private static final List<String> IDENTITIES =
            List.of("org operator", "org admin", "customer", "worker", "non-member admin");
    private static final Instant TICKED = MockLedger.NOW.minusSeconds(5);
    private static final Instant STALLED = MockLedger.NOW.minusSeconds(3_600);

    private static final Map<String, List<String>> EXPECTED = expected();
    private static final Map<String, Function<Fixture, String>> OPERATIONS = operations();

    private static Map<String, List<String>> expected() {
        final List<String> operators = List.of("allowed", "allowed", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN");
        final List<String> noRound = List.of("NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN");
        final List<String> admins = List.of("FORBIDDEN", "allowed", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN");
        final Map<String, List<String>> table = new LinkedHashMap<>();
        table.put("`clock:Tick`", operators);
        table.put("`clock:Resume` (clock stalled)", operators);
        table.put("`beacon:CommitRound` 1 (no round yet)", noRound);
        table.put("`beacon:CheckShares` 1 (no round yet)", noRound);
        table.put("`beacon:RevealRound` 1 (no round yet)", noRound);
        table.put("`beacon:RecoverShare` 1 (no round yet)", noRound);
        table.put("`threshold:DealKey` 1 (none opened)", noRound);
        table.put("`threshold:CheckKey` 1 (none opened)", noRound);
        table.put("`threshold:PostPartial` 1 (no round yet)", noRound);
        table.put("`org:RegisterOperator` User2 of Org2", admins);
        table.put("`org:RemoveOperator` User2 of Org2", admins);
        table.put("`org:GetOperators` Org2MSP", List.of("allowed", "allowed", "allowed", "allowed", "allowed"));
        return table;
    }

    private static Map<String, Function<Fixture, String>> operations() {
        final Map<String, Function<Fixture, String>> ops = new LinkedHashMap<>();
        ops.put("`clock:Tick`", f -> f.clock.Tick(f.caller));
        ops.put("`clock:Resume` (clock stalled)", f -> f.clock.Resume(f.caller));
        ops.put("`beacon:CommitRound` 1 (no round yet)", f -> f.beacon.CommitRound(f.caller, "1", "{}"));
        ops.put("`beacon:CheckShares` 1 (no round yet)", f -> f.beacon.CheckShares(f.caller, "1", "{}"));
        ops.put("`beacon:RevealRound` 1 (no round yet)", f -> f.beacon.RevealRound(f.caller, "1", "0".repeat(64)));
        ops.put(
                "`beacon:RecoverShare` 1 (no round yet)",
                f -> f.beacon.RecoverShare(f.caller, "1", "Org1MSP", "0".repeat(64)));
        ops.put("`threshold:DealKey` 1 (none opened)", f -> f.threshold.DealKey(f.caller, "1", "{}"));
        ops.put("`threshold:CheckKey` 1 (none opened)", f -> f.threshold.CheckKey(f.caller, "1", "{}"));
        ops.put("`threshold:PostPartial` 1 (no round yet)", f -> f.threshold.PostPartial(f.caller, "1", "{}"));
        ops.put(
                "`org:RegisterOperator` User2 of Org2",
                f -> f.orgs.RegisterOperator(f.caller, Workers.ORG2_USER2_CERT));
        ops.put("`org:RemoveOperator` User2 of Org2", f -> f.orgs.RemoveOperator(f.caller, Workers.ORG2_USER2_CERT));
        ops.put("`org:GetOperators` Org2MSP", f -> f.orgs.GetOperators(f.caller, "Org2MSP"));
        return ops;
    }

    /** The members with beacon keys, Org2's operator and worker registered, the other orgs' ticks. */
    private static final class Fixture {
        final MockLedger ledger = new MockLedger();
        final ClockContract clock = new ClockContract();
        final BeaconContract beacon = new BeaconContract();
        final ThresholdContract threshold = new ThresholdContract();
        final OrgContract orgs = new OrgContract();
        Context caller;

        Fixture(final String operation) {
            ledger.put(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
            ledger.put(ClockLedger.key("Org1MSP"), ticks(operation));
            ledger.put(ClockLedger.key("Org3MSP"), ticks(operation));
            for (int org = 1; org <= 3; org++) {
                beacon.RegisterKey(
                        ledger.as("Org" + org + "MSP", Identities.admin(org)),
                        ShareCipher.publicKey(BigInteger.valueOf(10 + org)));
                ledger.commit();
            }
            ledger.as("Org2MSP", Identities.admin(2));
            Operators.register(ledger.stub(), "Org2MSP", Identities.idOf(Identities.operator(2)));
            RegisteredWorkers.register(ledger.stub(), "Org2MSP", "w2", Identities.idOf(Identities.worker(2)));
            ledger.commit();
            if (operation.startsWith("`org:RemoveOperator`")) {
                orgs.RegisterOperator(ledger.as("Org2MSP", Identities.admin(2)), Workers.ORG2_USER2_CERT);
                ledger.commit();
            }
        }

        private static String ticks(final String operation) {
            return io.povm.chaincode.TxTime.iso(operation.contains("stalled") ? STALLED : TICKED);
        }

        void signedBy(final String identity) {
            caller = switch (identity) {
                case "org operator" -> ledger.as("Org2MSP", Identities.operator(2));
                case "org admin" -> ledger.as("Org2MSP", Identities.admin(2));
                case "customer" -> ledger.as("Org2MSP", Identities.client(2));
                case "worker" -> ledger.as("Org2MSP", Identities.worker(2));
                default -> ledger.as("Org4MSP", Identities.admin(4));
            };
        }
    }

    static Stream<Arguments> cells() {
        return AccessMatrix.cells(EXPECTED, IDENTITIES);
    }

    @ParameterizedTest(name = "{0} as {1} is {2}")
    @MethodSource("cells")
    void each_cell_of_the_matrix_holds(final String operation, final String identity, final String outcome) {
        final Fixture fixture = new Fixture(operation);
        fixture.signedBy(identity);

        final String actual = AccessMatrix.outcome(fixture.ledger, operation + " as " + identity, () -> OPERATIONS
                .get(operation)
                .apply(fixture));
        assertThat(actual).as("%s as %s", operation, identity).isEqualTo(outcome);
    }

    @Test
    void a_customers_tick_names_the_operator_rule() {
        final Fixture fixture = new Fixture("`clock:Tick`");
        fixture.signedBy("customer");

        final PovmError error = LedgerFake.errorOf(() -> fixture.clock.Tick(fixture.caller));

        assertThat(error.toMessage())
                .isEqualTo("FORBIDDEN [caller] clock:Tick is a duty of the org's operator: an identity its admin"
                        + " registered with org:RegisterOperator, or the org's admin; this Org2MSP identity is"
                        + " neither");
    }

    @Test
    void registering_the_same_operator_again_returns_it_and_writes_nothing() {
        final Fixture fixture = new Fixture("`org:RemoveOperator`");
        final String first = fixture.orgs.GetOperators(fixture.ledger.as("Org2MSP", Identities.client(2)), "Org2MSP");

        final String again = fixture.orgs.RegisterOperator(
                fixture.ledger.as("Org2MSP", Identities.admin(2)), Workers.ORG2_USER2_CERT);

        assertThat(fixture.ledger.stateWrites()).isZero();
        assertThat(fixture.ledger.eventNames()).isEmpty();
        assertThat(first).contains(again);
    }

    @Test
    void a_removed_operator_is_no_longer_listed() {
        final Fixture fixture = new Fixture("`org:RemoveOperator`");
        fixture.orgs.RemoveOperator(fixture.ledger.as("Org2MSP", Identities.admin(2)), Workers.ORG2_USER2_CERT);
        assertThat(fixture.ledger.eventNames()).containsExactly("OperatorRemoved");
        fixture.ledger.commit();

        final String operators =
                fixture.orgs.GetOperators(fixture.ledger.as("Org2MSP", Identities.client(2)), "Org2MSP");

        assertThat(operators).doesNotContain("::CN=ca.org2.povm.test");
        assertThat(LedgerFake.errorOf(() -> fixture.orgs.RemoveOperator(
                                fixture.ledger.as("Org2MSP", Identities.admin(2)), Workers.ORG2_USER2_CERT))
                        .code())
                .hasToString("NOT_FOUND");
    }

    @Test
    void an_admin_cannot_register_another_orgs_identity_as_its_operator() {
        final Fixture fixture = new Fixture("`org:RegisterOperator`");

        final PovmError error = LedgerFake.errorOf(() -> fixture.orgs.RegisterOperator(
                fixture.ledger.as("Org1MSP", Identities.admin(1)), Workers.ORG2_USER2_CERT));

        assertThat(error.code()).hasToString("FORBIDDEN");
        assertThat(error.field()).isEqualTo("certificatePem");
        assertThat(fixture.ledger.stateWrites()).isZero();
    }

    @Test
    void the_docs_matrix_is_the_expected_table() {
        final Map<String, List<String>> documented = AccessMatrix.documented("access-control-duties.md", IDENTITIES);

        assertThat(documented).containsExactlyEntriesOf(EXPECTED);
        assertThat(OPERATIONS.keySet()).containsExactlyElementsOf(EXPECTED.keySet());
    }
}
