// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ChaincodeErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.PovmJson;
import io.povm.api.beacon.BeaconConfig;
import io.povm.chaincode.beacon.BeaconContract;
import io.povm.chaincode.org.MemberLedger;
import org.junit.jupiter.api.Test;

/**
 * beacon:ApproveConfig follows the one vote rule of every governance vote: the same org approving again gets the
 * proposal as stored, and nothing is written; an org that has not approved may not approve a config in force.
 */
class BeaconConfigVotesTest {
    private final MockLedger ledger = new MockLedger();
    private final BeaconContract contract = new BeaconContract();
    private final String proposed;

    BeaconConfigVotesTest() {
        ledger.put(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
        proposed = contract.ProposeConfig(
                ledger.as("Org1MSP", Identities.admin(1)), "c1", PovmJson.write(BeaconConfig.DEFAULT));
        ledger.commit();
    }

    @Test
    void a_second_approval_by_the_same_org_returns_the_stored_proposal_and_writes_nothing() {
        final String again = contract.ApproveConfig(ledger.as("Org1MSP", Identities.admin(1)), "c1");

        assertThat(again).isEqualTo(proposed);
        assertThat(ledger.stateWrites()).isZero();
        assertThat(ledger.eventNames()).isEmpty();
    }

    @Test
    void an_org_that_approved_a_config_in_force_gets_it_as_stored() {
        final String executed = contract.ApproveConfig(ledger.as("Org2MSP", Identities.admin(2)), "c1");
        ledger.commit();

        final String again = contract.ApproveConfig(ledger.as("Org2MSP", Identities.admin(2)), "c1");

        assertThat(again).isEqualTo(executed).contains("\"EXECUTED\"");
        assertThat(ledger.stateWrites()).isZero();
    }

    @Test
    void an_org_that_did_not_approve_may_not_approve_a_config_in_force() {
        contract.ApproveConfig(ledger.as("Org2MSP", Identities.admin(2)), "c1");
        ledger.commit();

        assertThat(errorOf(() -> contract.ApproveConfig(ledger.as("Org3MSP", Identities.admin(3)), "c1"))
                        .code())
                .isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(ledger.stateWrites()).isZero();
    }
}
