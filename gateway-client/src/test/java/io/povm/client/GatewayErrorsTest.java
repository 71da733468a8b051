// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import java.io.IOException;
import javax.net.ssl.SSLHandshakeException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class GatewayErrorsTest {
    private static final String PEER = "127.0.0.1:7110";

    @Test
    void a_chaincode_error_in_the_endorsers_details_is_rejected_with_the_povm_error() {
        final PovmClientException e = GatewayErrors.translate(
                GatewayFailures.endorseRejected("INVALID_ARGUMENT [image] must be pinned by a sha256 digest"), PEER);

        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.REJECTED);
        assertThat(e.error())
                .contains(new PovmError(ErrorCode.INVALID_ARGUMENT, "image", "must be pinned by a sha256 digest"));
        assertThat(e.getMessage()).isEqualTo("INVALID_ARGUMENT [image] must be pinned by a sha256 digest");
    }

    @Test
    void a_chaincode_error_in_an_evaluate_description_is_rejected_with_the_povm_error() {
        final PovmClientException e =
                GatewayErrors.translate(GatewayFailures.evaluateRejected("NOT_FOUND [id] no job 'job-1'"), PEER);

        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.REJECTED);
        assertThat(e.errorCode()).contains(ErrorCode.NOT_FOUND);
        assertThat(e.error().orElseThrow().field()).isEqualTo("id");
    }

    @Test
    void a_chaincode_error_without_the_chaincode_response_prefix_is_found_too() {
        // a Java chaincode error response without payload is passed through by the gateway as a peer error
        final GatewayException gateway = GatewayFailures.withStatus(
                Status.Code.ABORTED,
                "failed to endorse transaction, see attached details for more info",
                GatewayFailures.detail(PEER, "Org1MSP", "DUPLICATE_ID [id] job-1 exists with a different spec"));

        final PovmClientException e = GatewayErrors.translate(gateway, PEER);

        assertThat(e.errorCode()).contains(ErrorCode.DUPLICATE_ID);
    }

    @Test
    void an_unreachable_peer_is_unavailable_naming_the_endpoint_with_a_hint() {
        final PovmClientException e =
                GatewayErrors.translate(GatewayFailures.withStatus(Status.Code.UNAVAILABLE, "io exception"), PEER);

        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("peer " + PEER + " is unavailable: UNAVAILABLE: io exception");
        assertThat(e.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("network/network.sh status"));
    }

    @Test
    void a_deadline_is_unavailable() {
        final PovmClientException e = GatewayErrors.translate(
                GatewayFailures.endorseWithStatus(Status.Code.DEADLINE_EXCEEDED, "deadline exceeded"), PEER);

        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains(PEER).contains("DEADLINE_EXCEEDED");
    }

    @Test
    void an_unavailable_network_behind_the_peer_is_told_apart() {
        final PovmClientException e = GatewayErrors.translate(
                GatewayFailures.withStatus(
                        Status.Code.UNAVAILABLE,
                        "no orderers could successfully process transaction",
                        GatewayFailures.detail("127.0.0.1:7050", "OrdererMSP", "connection refused")),
                PEER);

        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.UNAVAILABLE);
        assertThat(e.getMessage())
                .startsWith("the network behind peer " + PEER)
                .contains("OrdererMSP@127.0.0.1:7050: connection refused");
    }

    @Test
    void an_ordering_step_that_times_out_names_the_ordering_service_and_its_majority() {
        final SubmitException submit = new SubmitException(
                "tx-1",
                Status.DEADLINE_EXCEEDED
                        .withDescription("context deadline exceeded")
                        .asRuntimeException());

        final PovmClientException e = GatewayErrors.translate(submit, PEER);

        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.UNAVAILABLE);
        assertThat(e.getMessage())
                .startsWith("the ordering service did not take the transaction")
                .contains("DEADLINE_EXCEEDED: context deadline exceeded");
        assertThat(e.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("majority of the orderers"));
    }

    @Test
    void a_failed_tls_handshake_is_an_identity_problem() {
        final GatewayException gateway = new GatewayException(Status.UNAVAILABLE
                .withDescription("io exception")
                .withCause(new IOException(new SSLHandshakeException("unable to find valid certification path")))
                .asRuntimeException());

        final PovmClientException e = GatewayErrors.translate(gateway, PEER);

        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.IDENTITY);
        assertThat(e.getMessage()).startsWith("TLS handshake with peer " + PEER + " failed");
        assertThat(e.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("tlsRootCertPath"));
    }

    @Test
    void an_access_denied_is_an_identity_problem() {
        final PovmClientException e = GatewayErrors.translate(
                GatewayFailures.withStatus(
                        Status.Code.FAILED_PRECONDITION,
                        "evaluate call to endorser returned error: error validating proposal: access denied: channel"
                                + " [povm] creator org unknown, creator is malformed"),
                PEER);

        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.IDENTITY);
        assertThat(e.getMessage()).contains("refused the identity").contains("access denied");
    }

    @Test
    void permission_denied_is_an_identity_problem() {
        final PovmClientException e =
                GatewayErrors.translate(GatewayFailures.withStatus(Status.Code.PERMISSION_DENIED, "no"), PEER);

        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.IDENTITY);
    }

    @Test
    void any_other_status_is_internal_and_keeps_the_description() {
        final PovmClientException e = GatewayErrors.translate(
                GatewayFailures.withStatus(
                        Status.Code.FAILED_PRECONDITION, "chaincode definition for 'povm' not found"),
                PEER);

        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.INTERNAL);
        assertThat(e.getMessage()).contains("chaincode definition for 'povm' not found");
    }

    @Test
    void a_commit_failure_names_the_transaction_and_the_validation_code() {
        final PovmClientException e = GatewayErrors.translate(
                GatewayFailures.commitFailure(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, "tx-9"));

        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.COMMIT_FAILED);
        assertThat(e.transactionId()).contains("tx-9");
        assertThat(e.getMessage()).isEqualTo("transaction tx-9 failed to commit: ENDORSEMENT_POLICY_FAILURE");
    }

    @Test
    void descriptions_are_one_line() {
        final PovmClientException e = GatewayErrors.translate(
                GatewayFailures.withStatus(Status.Code.INTERNAL, "first line\nsecond line"), PEER);

        assertThat(e.getMessage()).doesNotContain("\n").contains("first line second line");
    }
}
