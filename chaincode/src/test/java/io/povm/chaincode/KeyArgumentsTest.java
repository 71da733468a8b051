// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ChaincodeErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.chaincode.beacon.BeaconContract;
import io.povm.chaincode.credit.CreditContract;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.worker.WorkerContract;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every id or MSP argument that becomes part of a ledger key is checked by one rule before it reaches the key: not
 * empty, bounded, no U+0000 (the composite key separator), no U+10FFFF or other non-characters, no lone surrogates,
 * no U+FFFD. Anything else is INVALID_ARGUMENT naming the argument, never INTERNAL and never a silent empty answer.
 */
class KeyArgumentsTest {
    private final MockLedger ledger = new MockLedger();

    KeyArgumentsTest() {
        ledger.put(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
    }

    static Stream<Arguments> unusable() {
        return Stream.of(
                        "",
                        "Org1\u0000MSP",
                        "Org1MSP\udbff\udfff",
                        "Org1MSP\ufffe",
                        "Org1MSP\ud800",
                        "Org1MSP\ufffd",
                        "O".repeat(1024 * 1024))
                .map(text -> Arguments.of(visible(text), text));
    }

    @ParameterizedTest(name = "worker:GetOrgRecord {0}")
    @MethodSource("unusable")
    void worker_get_org_record_refuses_an_msp_no_key_can_hold(final String shown, final String msp) {
        assertRefused((ctx, arg) -> new WorkerContract().GetOrgRecord(ctx, arg), client(), msp, "msp");
    }

    @ParameterizedTest(name = "beacon:GetStrikes {0}")
    @MethodSource("unusable")
    void beacon_get_strikes_refuses_an_msp_no_key_can_hold(final String shown, final String msp) {
        assertRefused((ctx, arg) -> new BeaconContract().GetStrikes(ctx, arg), client(), msp, "msp");
    }

    @ParameterizedTest(name = "beacon:ApproveConfig {0}")
    @MethodSource("unusable")
    void beacon_approve_config_refuses_an_id_no_key_can_hold(final String shown, final String id) {
        assertRefused(
                (ctx, arg) -> new BeaconContract().ApproveConfig(ctx, arg),
                ledger.as("Org2MSP", Identities.admin(2)),
                id,
                "id");
    }

    @ParameterizedTest(name = "beacon:RecoverShare dealer {0}")
    @MethodSource("unusable")
    void beacon_recover_share_refuses_a_dealer_no_key_can_hold(final String shown, final String dealer) {
        assertRefused(
                (ctx, arg) -> new BeaconContract().RecoverShare(ctx, "1", arg, "ab".repeat(32)),
                ledger.as("Org2MSP", Identities.admin(2)),
                dealer,
                "dealer");
    }

    @ParameterizedTest(name = "credit:Balance fabricId {0}")
    @MethodSource("unusable")
    void credit_balance_refuses_a_fabric_id_no_key_can_hold(final String shown, final String suffix) {
        final String fabricId = suffix.isEmpty() ? "x509::" : Identities.idOf(Identities.client(1)) + suffix;
        assertRefused((ctx, arg) -> new CreditContract().Balance(ctx, "Org1MSP", arg), client(), fabricId, "fabricId");
    }

    @ParameterizedTest(name = "ListJobsBySubmitter submitterId {0}")
    @MethodSource("unusable")
    void list_jobs_by_submitter_refuses_a_fabric_id_no_key_can_hold(final String shown, final String suffix) {
        final String fabricId = Identities.idOf(Identities.client(1)) + suffix;
        if (suffix.isEmpty()) {
            return; // an empty submitterId means the caller
        }
        assertRefused(
                (ctx, arg) -> new PovmContract().ListJobsBySubmitter(ctx, "Org1MSP", arg, "10", ""),
                client(),
                fabricId,
                "submitterId");
    }

    private Context client() {
        return ledger.as("Org1MSP", Identities.client(1));
    }

    private void assertRefused(
            final BiFunction<Context, String, String> transaction,
            final Context ctx,
            final String argument,
            final String field) {
        final PovmError error = errorOf(() -> transaction.apply(ctx, argument));

        assertThat(error.code()).as("%s", error).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.toMessage()).hasSizeLessThan(400);
        assertThat(ledger.stateWrites()).isZero();
    }

    private static String visible(final String text) {
        if (text.length() > 64) {
            return text.length() + " chars";
        }
        final StringBuilder shown = new StringBuilder();
        text.chars().forEach(c -> shown.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return shown.toString().isEmpty() ? "(empty)" : shown.toString();
    }
}
