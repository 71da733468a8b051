// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ChaincodeErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.Quote;
import io.povm.chaincode.beacon.BeaconContract;
import io.povm.chaincode.sla.SlaContract;
import io.povm.chaincode.worker.WorkerContract;
import org.junit.jupiter.api.Test;

/**
 * A malformed argument of any size is refused with an error that quotes at most {@value Quote#MAX_CHARS} chars of it:
 * a 1 MB argument must not come back as a 1 MB response (the client's gRPC stream resets on it).
 */
class LongArgumentErrorsTest {
    private static final String MEGABYTE = "9x".repeat(512 * 1024);
    private static final int SHORT_MESSAGE = 300;

    private final MockLedger ledger = new MockLedger();

    LongArgumentErrorsTest() {
        ledger.put(io.povm.chaincode.org.MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
        ledger.put(ContractFixtures.JOB_KEY, ContractFixtures.FLIP_1_JOB);
    }

    @Test
    void a_huge_replica_index_is_quoted_by_a_short_prefix() {
        assertShortInvalid(
                errorOf(() -> new PovmContract()
                        .AcknowledgeReplica(ledger.as("Org1MSP", Identities.worker(1)), "flip-1", MEGABYTE)),
                "replica");
    }

    @Test
    void a_huge_round_number_is_quoted_by_a_short_prefix() {
        assertShortInvalid(
                errorOf(() -> new BeaconContract().GetRound(ledger.as("Org1MSP", Identities.client(1)), MEGABYTE)),
                "round");
    }

    @Test
    void a_huge_free_slot_count_is_quoted_by_a_short_prefix() {
        assertShortInvalid(
                errorOf(() -> new WorkerContract()
                        .Heartbeat(ledger.as("Org1MSP", Identities.worker(1)), "Org1MSP/w1", MEGABYTE)),
                "freeSlots");
    }

    @Test
    void a_huge_worker_state_is_quoted_by_a_short_prefix() {
        assertShortInvalid(
                errorOf(() ->
                        new WorkerContract().List(ledger.as("Org1MSP", Identities.client(1)), "", MEGABYTE, "10", "")),
                "state");
    }

    @Test
    void a_huge_sla_state_is_quoted_by_a_short_prefix() {
        assertShortInvalid(
                errorOf(() -> new SlaContract().List(ledger.as("Org1MSP", Identities.client(1)), MEGABYTE, "10", "")),
                "state");
    }

    @Test
    void a_huge_submitter_msp_is_quoted_by_a_short_prefix() {
        assertShortInvalid(
                errorOf(() -> new PovmContract()
                        .ListJobsBySubmitter(ledger.as("Org1MSP", Identities.client(1)), MEGABYTE, "", "10", "")),
                "msp");
    }

    private static void assertShortInvalid(final PovmError error, final String field) {
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.toMessage())
                .hasSizeLessThan(SHORT_MESSAGE)
                .contains("'9x9x")
                .contains("…'");
    }
}
