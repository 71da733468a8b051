// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.hyperledger.fabric.client.EndorseException;
import org.junit.jupiter.api.Test;

class TransactionsTest {
    private static EndorseException refused(final Status status) {
        return new EndorseException("tx1", status.asRuntimeException());
    }

    @Test
    void a_refusal_with_a_povm_error_code_is_named_by_it() {
        final EndorseException e = refused(
                Status.UNKNOWN.withDescription("chaincode response 500, INSUFFICIENT_FUNDS [escrow] needs 60000"));

        assertThat(Transactions.reason(e)).isEqualTo(":INSUFFICIENT_FUNDS");
    }

    @Test
    void endorsers_that_disagree_are_a_payload_mismatch() {
        final EndorseException e = refused(Status.ABORTED.withDescription(
                "failed to collect enough transaction endorsements, ProposalResponsePayloads do not match"));

        assertThat(Transactions.reason(e)).isEqualTo(":PAYLOADS_MISMATCH");
    }

    @Test
    void any_other_refusal_is_named_by_its_grpc_status() {
        assertThat(Transactions.reason(refused(Status.DEADLINE_EXCEEDED))).isEqualTo(":DEADLINE_EXCEEDED");
    }
}
