// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ChaincodeErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Sla;
import io.povm.api.SlaSpec;
import io.povm.api.SlaState;
import io.povm.api.Slas;
import io.povm.api.Submitter;
import io.povm.api.beacon.BeaconConfig;
import io.povm.chaincode.beacon.BeaconLedger;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.sla.SlaLedger;
import org.junit.jupiter.api.Test;

/**
 * A transaction that would draw a worker checks the job's state and replica first: on a job without replicas it
 * answers with that, not with the beacon round whose seed a draw would need (which has not even closed here).
 */
class StateBeforeBeaconSeedTest {
    private final MockLedger ledger = new MockLedger();
    private final PovmContract contract = new PovmContract();

    StateBeforeBeaconSeedTest() {
        ledger.put(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
        ledger.put(ContractFixtures.JOB_KEY, ContractFixtures.FLIP_1_JOB);
        final SlaSpec spec = Slas.spec();
        ledger.put(
                SlaLedger.key(spec.ref()),
                PovmJson.write(new Sla(
                        spec,
                        SlaState.ACTIVE,
                        new Submitter("Org1MSP", "x509::CN=Admin@org1::CN=ca.org1"),
                        "2026-11-01T00:00:00.000Z",
                        "tx-propose",
                        "2026-11-01T00:01:00.000Z",
                        null)));
        ledger.as("Org1MSP", Identities.admin(1));
        final BeaconLedger beacon = new BeaconLedger(ledger.stub());
        final BeaconConfig d = BeaconConfig.DEFAULT;
        beacon.put(new BeaconConfig(
                d.phaseSeconds(),
                d.cadenceSeconds(),
                d.reward(),
                d.winners(),
                d.tickets(),
                d.gammaPermille(),
                d.heartbeatSeconds(),
                d.auditNum(),
                d.auditDen(),
                BeaconConfig.BEACON));
        beacon.assignJob("flip-1", 1);
        ledger.commit();
    }

    @Test
    void release_replica_on_a_job_without_replicas_names_the_replica() {
        final PovmError error =
                errorOf(() -> contract.ReleaseReplica(ledger.as("Org1MSP", Identities.worker(1)), "flip-1", "0", ""));

        assertThat(error.field()).as("%s", error).isEqualTo("replica");
        assertThat(error.code()).isIn(ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_STATE, ErrorCode.NOT_FOUND);
    }

    @Test
    void expire_lease_on_a_job_without_replicas_names_the_replica() {
        final PovmError error =
                errorOf(() -> contract.ExpireLease(ledger.as("Org2MSP", Identities.client(2)), "flip-1", "0"));

        assertThat(error.field()).as("%s", error).isEqualTo("replica");
        assertThat(error.code()).isIn(ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_STATE, ErrorCode.NOT_FOUND);
    }

    @Test
    void challenge_job_on_a_submitted_job_names_its_state() {
        final PovmError error =
                errorOf(() -> contract.ChallengeJob(ledger.as("Org2MSP", Identities.client(2)), "flip-1", ""));

        assertThat(error.code()).as("%s", error).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(error.field()).isNotEqualTo("beacon");
        assertThat(error.reason()).contains("SUBMITTED");
    }
}
