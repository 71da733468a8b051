// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.PovmJson;
import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.ShareCipher;
import io.povm.chaincode.beacon.BeaconContract;
import io.povm.chaincode.beacon.ThresholdContract;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.org.OrgContract;
import java.math.BigInteger;
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
 * The access-control matrix of the member vote, the beacon and random audits (docs/access-control-beacon.md), one case
 * per cell. Members are Org1MSP, Org2MSP and Org3MSP, each with a beacon key; the caller is Org2's admin, client or
 * worker, or the admin of Org4MSP, which is not a member. A refused call names the caller rule and writes nothing.
 */
class BeaconAccessControlTest {
    private static final List<String> IDENTITIES = List.of("member admin", "client", "worker", "non-member admin");

    private static final Map<String, List<String>> EXPECTED = expected();
    private static final Map<String, Function<Fixture, String>> OPERATIONS = operations();

    private static Map<String, List<String>> expected() {
        final List<String> admins = List.of("allowed", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN");
        final List<String> members = List.of("allowed", "allowed", "allowed", "FORBIDDEN");
        final List<String> everyone = List.of("allowed", "allowed", "allowed", "allowed");
        final Map<String, List<String>> table = new LinkedHashMap<>();
        table.put("`org:ProposeMember` Org4MSP", admins);
        table.put("`org:ApproveMember` Org4MSP (proposed by Org1)", admins);
        table.put("`org:GetMemberProposal` Org4MSP", everyone);
        table.put("`beacon:RegisterKey`", admins);
        table.put("`beacon:ProposeConfig`", admins);
        table.put("`beacon:ApproveConfig` (proposed by Org1)", admins);
        table.put("`beacon:OpenRound`", members);
        table.put("`beacon:GetConfig`, `GetKeys`", everyone);
        table.put("`threshold:OpenEpoch`", members);
        table.put(
                "`threshold:CompleteKey` 1 (none opened)", List.of("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN"));
        table.put(
                "`threshold:OpenRound` (no key yet)",
                List.of("INVALID_STATE", "INVALID_STATE", "INVALID_STATE", "FORBIDDEN"));
        table.put("`threshold:GetLatest`", everyone);
        table.put(
                "`threshold:GetEpoch`, `GetThresholdKey`, `GetRound`, `VerifyRound` 1 (none yet)",
                List.of("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"));
        table.put(
                "`AuditJob` `J` (not selected)",
                List.of("INVALID_STATE", "INVALID_STATE", "INVALID_STATE", "FORBIDDEN"));
        table.put("`GetJobAudit` `J`", everyone);
        return table;
    }

    private static Map<String, Function<Fixture, String>> operations() {
        final Map<String, Function<Fixture, String>> ops = new LinkedHashMap<>();
        ops.put("`org:ProposeMember` Org4MSP", f -> f.orgs.ProposeMember(f.caller, "Org4MSP"));
        ops.put("`org:ApproveMember` Org4MSP (proposed by Org1)", f -> f.orgs.ApproveMember(f.caller, "Org4MSP"));
        ops.put("`org:GetMemberProposal` Org4MSP", f -> f.orgs.GetMemberProposal(f.caller, "Org4MSP"));
        ops.put("`beacon:RegisterKey`", f -> f.beacon.RegisterKey(f.caller, ShareCipher.publicKey(BigInteger.TWO)));
        ops.put(
                "`beacon:ProposeConfig`",
                f -> f.beacon.ProposeConfig(f.caller, "c2", PovmJson.write(BeaconConfig.DEFAULT)));
        ops.put("`beacon:ApproveConfig` (proposed by Org1)", f -> f.beacon.ApproveConfig(f.caller, "c1"));
        ops.put("`beacon:OpenRound`", f -> f.beacon.OpenRound(f.caller));
        ops.put("`beacon:GetConfig`, `GetKeys`", f -> f.beacon.GetConfig(f.caller) + f.beacon.GetKeys(f.caller));
        ops.put("`threshold:OpenEpoch`", f -> f.threshold.OpenEpoch(f.caller));
        ops.put("`threshold:CompleteKey` 1 (none opened)", f -> f.threshold.CompleteKey(f.caller, "1"));
        ops.put("`threshold:OpenRound` (no key yet)", f -> f.threshold.OpenRound(f.caller));
        ops.put("`threshold:GetLatest`", f -> f.threshold.GetLatest(f.caller));
        ops.put(
                "`threshold:GetEpoch`, `GetThresholdKey`, `GetRound`, `VerifyRound` 1 (none yet)",
                f -> sameOutcome(
                        () -> f.threshold.GetEpoch(f.caller, "1"),
                        () -> f.threshold.GetThresholdKey(f.caller, "1"),
                        () -> f.threshold.GetRound(f.caller, "1"),
                        () -> f.threshold.VerifyRound(f.caller, "1")));
        ops.put("`AuditJob` `J` (not selected)", f -> f.jobs.AuditJob(f.caller, "flip-1"));
        ops.put("`GetJobAudit` `J`", f -> f.jobs.GetJobAudit(f.caller, "flip-1"));
        return ops;
    }

    /**
     * Runs every read of one row; they must all end alike (all succeed, or all throw the same error code).
     *
     * @return the first read's result, or throws its error
     */
    @SafeVarargs
    private static String sameOutcome(final java.util.function.Supplier<String>... reads) {
        final List<String> outcomes = new java.util.ArrayList<>();
        org.hyperledger.fabric.shim.ChaincodeException first = null;
        String result = null;
        for (final java.util.function.Supplier<String> read : reads) {
            try {
                result = read.get();
                outcomes.add("allowed");
            } catch (org.hyperledger.fabric.shim.ChaincodeException e) {
                outcomes.add(e.getMessage().substring(0, e.getMessage().indexOf(' ')));
                first = first == null ? e : first;
            }
        }
        assertThat(outcomes).as("every read of the row").containsOnly(outcomes.get(0));
        if (first != null) {
            throw first;
        }
        return result;
    }

    /** Members with beacon keys, Org4MSP proposed as a member and a beacon config proposed by Org1, job J stored. */
    private static final class Fixture {
        final MockLedger ledger = new MockLedger();
        final OrgContract orgs = new OrgContract();
        final BeaconContract beacon = new BeaconContract();
        final ThresholdContract threshold = new ThresholdContract();
        final PovmContract jobs = new PovmContract();
        Context caller;

        Fixture(final String operation) {
            ledger.put(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
            ledger.put(ContractFixtures.JOB_KEY, ContractFixtures.FLIP_1_JOB);
            for (int org = 1; org <= 3; org++) {
                beacon.RegisterKey(
                        ledger.as("Org" + org + "MSP", Identities.admin(org)),
                        ShareCipher.publicKey(BigInteger.valueOf(10 + org)));
                ledger.commit();
            }
            if (operation.startsWith("`org:ApproveMember`") || operation.startsWith("`org:GetMemberProposal`")) {
                orgs.ProposeMember(ledger.as("Org1MSP", Identities.admin(1)), "Org4MSP");
                ledger.commit();
            }
            if (operation.startsWith("`beacon:ApproveConfig`")) {
                beacon.ProposeConfig(
                        ledger.as("Org1MSP", Identities.admin(1)), "c1", PovmJson.write(BeaconConfig.DEFAULT));
                ledger.commit();
            }
        }

        void signedBy(final String identity) {
            caller = switch (identity) {
                case "member admin" -> ledger.as("Org2MSP", Identities.admin(2));
                case "client" -> ledger.as("Org2MSP", Identities.client(2));
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
    void the_docs_matrix_is_the_expected_table() {
        final Map<String, List<String>> documented = AccessMatrix.documented("access-control-beacon.md", IDENTITIES);

        assertThat(documented).containsExactlyEntriesOf(EXPECTED);
        assertThat(OPERATIONS.keySet()).containsExactlyElementsOf(EXPECTED.keySet());
    }
}
