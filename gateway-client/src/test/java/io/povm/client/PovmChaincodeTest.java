// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import io.povm.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class PovmChaincodeTest {
    private static final String PEER = "127.0.0.1:7110";
    private final Contract contract = mock(Contract.class);
    private final List<Duration> pauses = new ArrayList<>();
    private final PovmChaincode povm = new PovmChaincode(contract, PEER, pauses::add);

    @Test
    void submit_is_endorsed_again_while_the_ordering_service_is_unavailable_or_hangs() throws Exception {
        when(contract.submitTransaction(eq("SubmitJob"), any(String[].class)))
                .thenThrow(GatewayFailures.submitWithStatus(Status.Code.UNAVAILABLE, "no orderers could process"))
                .thenThrow(GatewayFailures.submitWithStatus(Status.Code.DEADLINE_EXCEEDED, "deadline exceeded"))
                .thenReturn("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(povm.submit("SubmitJob", "{}")).isEqualTo("{}");
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void submit_gives_up_when_the_ordering_service_stays_unavailable() throws Exception {
        when(contract.submitTransaction(eq("SubmitJob"), any(String[].class)))
                .thenThrow(GatewayFailures.submitWithStatus(Status.Code.UNAVAILABLE, "no orderers could process"));

        assertThatThrownBy(() -> povm.submit("SubmitJob", "{}"))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.kind())
                        .isEqualTo(PovmClientException.Kind.UNAVAILABLE));
        verify(contract, times(PovmChaincode.MAX_UNAVAILABLE_RETRIES + 1))
                .submitTransaction(eq("SubmitJob"), any(String[].class));
        assertThat(pauses).hasSize(PovmChaincode.MAX_UNAVAILABLE_RETRIES).last().isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void submit_is_endorsed_again_until_the_gateway_can_plan_the_endorsement() throws Exception {
        when(contract.submitTransaction(eq("SubmitJob"), any(String[].class)))
                .thenThrow(GatewayFailures.endorseWithStatus(
                        Status.Code.FAILED_PRECONDITION,
                        "no combination of peers can be derived which satisfy the endorsement policy"))
                .thenReturn("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(povm.submit("SubmitJob", "{}")).isEqualTo("{}");
        assertThat(pauses).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void submit_does_not_retry_other_failed_preconditions() throws Exception {
        when(contract.submitTransaction(eq("SubmitJob"), any(String[].class)))
                .thenThrow(
                        GatewayFailures.endorseWithStatus(Status.Code.FAILED_PRECONDITION, "channel 'povm' not found"));

        assertThatThrownBy(() -> povm.submit("SubmitJob", "{}")).isInstanceOf(PovmClientException.class);
        verify(contract, times(1)).submitTransaction(eq("SubmitJob"), any(String[].class));
        assertThat(pauses).isEmpty();
    }

    @Test
    void submit_does_not_retry_an_orderer_rejection() throws Exception {
        when(contract.submitTransaction(eq("SubmitJob"), any(String[].class)))
                .thenThrow(GatewayFailures.submitWithStatus(Status.Code.ABORTED, "status=BAD_REQUEST"));

        assertThatThrownBy(() -> povm.submit("SubmitJob", "{}")).isInstanceOf(PovmClientException.class);
        verify(contract, times(1)).submitTransaction(eq("SubmitJob"), any(String[].class));
        assertThat(pauses).isEmpty();
    }

    @Test
    void evaluate_returns_the_response_as_text() throws Exception {
        when(contract.evaluateTransaction("GetJob", "job-1")).thenReturn("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(povm.evaluate("GetJob", "job-1")).isEqualTo("{\"a\":1}");
    }

    @Test
    void submit_is_endorsed_again_after_an_mvcc_read_conflict() throws Exception {
        final CommitException mvcc = GatewayFailures.commitFailure(TxValidationCode.MVCC_READ_CONFLICT, "tx-1");
        final CommitException phantom = GatewayFailures.commitFailure(TxValidationCode.PHANTOM_READ_CONFLICT, "tx-2");
        when(contract.submitTransaction(eq("SubmitJob"), any(String[].class)))
                .thenThrow(mvcc)
                .thenThrow(phantom)
                .thenReturn("ok".getBytes(StandardCharsets.UTF_8));

        assertThat(povm.submit("SubmitJob", "{}")).isEqualTo("ok");
        verify(contract, times(3)).submitTransaction(eq("SubmitJob"), any(String[].class));
    }

    @Test
    void submit_gives_up_after_three_retries() throws Exception {
        final CommitException mvcc = GatewayFailures.commitFailure(TxValidationCode.MVCC_READ_CONFLICT, "tx-x");
        when(contract.submitTransaction(eq("SubmitJob"), any(String[].class))).thenThrow(mvcc);

        assertThatThrownBy(() -> povm.submit("SubmitJob", "{}"))
                .isInstanceOfSatisfying(PovmClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PovmClientException.Kind.COMMIT_FAILED);
                    assertThat(e.getMessage()).contains("MVCC_READ_CONFLICT");
                });
        verify(contract, times(1 + PovmChaincode.MAX_COMMIT_RETRIES))
                .submitTransaction(eq("SubmitJob"), any(String[].class));
    }

    @Test
    void submit_does_not_retry_other_commit_failures() throws Exception {
        final CommitException policy =
                GatewayFailures.commitFailure(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, "tx-1");
        when(contract.submitTransaction(eq("SubmitJob"), any(String[].class))).thenThrow(policy);

        assertThatThrownBy(() -> povm.submit("SubmitJob", "{}"))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.kind())
                        .isEqualTo(PovmClientException.Kind.COMMIT_FAILED));
        verify(contract, times(1)).submitTransaction(eq("SubmitJob"), any(String[].class));
    }

    @Test
    void submit_never_retries_a_contract_error() throws Exception {
        when(contract.submitTransaction(eq("SubmitJob"), any(String[].class)))
                .thenThrow(GatewayFailures.endorseRejected("DUPLICATE_ID [id] job-1 exists with a different spec"));

        assertThatThrownBy(() -> povm.submit("SubmitJob", "{}"))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.DUPLICATE_ID));
        verify(contract, times(1)).submitTransaction(eq("SubmitJob"), any(String[].class));
    }

    @Test
    void an_unreachable_peer_is_reported_on_evaluate() throws Exception {
        when(contract.evaluateTransaction(anyString(), any(String[].class)))
                .thenThrow(GatewayFailures.withStatus(Status.Code.UNAVAILABLE, "io exception"));

        assertThatThrownBy(() -> povm.evaluate("ListJobs", "50", ""))
                .isInstanceOfSatisfying(PovmClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PovmClientException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains(PEER);
                });
    }
}
