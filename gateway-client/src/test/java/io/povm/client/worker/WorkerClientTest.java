// SPDX-License-Identifier: Apache-2.0
package io.povm.client.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.PovmJson;
import io.povm.api.Resources;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerPage;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerState;
import io.povm.api.WorkerValidator;
import io.povm.client.GatewayFailures;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import io.povm.client.TestWorkers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hyperledger.fabric.client.Contract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkerClientTest {
    private final Contract contract = mock(Contract.class);
    private final WorkerClient workers = new WorkerClient(new PovmChaincode(contract, "127.0.0.1:7110"));
    private final byte[] w1 = json(TestWorkers.worker(TestWorkers.W1));

    private static byte[] json(final Object value) {
        return PovmJson.write(value).getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Register {

        @Test
        void submits_worker_register_with_the_validated_registration() throws Exception {
            final WorkerRegistration registration = TestWorkers.registration("w1");
            when(contract.submitTransaction("worker:Register", PovmJson.write(WorkerValidator.validate(registration))))
                    .thenReturn(w1);

            assertThat(workers.register(registration)).isEqualTo(TestWorkers.worker(TestWorkers.W1));
        }

        @Test
        void rejects_a_broken_offer_locally_without_calling_the_peer() {
            final WorkerRegistration broken = new WorkerRegistration(
                    "w1",
                    TestWorkers.CERTIFICATE_PEM,
                    new WorkerOffer(
                            List.of("standard@1"),
                            2,
                            new Resources(1000, 1024, 1024),
                            new Resources(2000, 0, 0),
                            TestWorkers.ATTESTATION_KEY_PEM));

            assertThatThrownBy(() -> workers.register(broken)).isInstanceOfSatisfying(PovmClientException.class, e -> {
                assertThat(e.kind()).isEqualTo(PovmClientException.Kind.REJECTED);
                assertThat(e.error().orElseThrow().field()).isEqualTo("offer.reserved.cpuMillis");
            });
            verifyNoInteractions(contract);
        }

        @Test
        void reports_the_chaincodes_refusal() throws Exception {
            when(contract.submitTransaction(anyString(), anyString()))
                    .thenThrow(GatewayFailures.endorseRejected(
                            "FORBIDDEN [certificatePem] Register: an org admin registers only identities of its own"
                                    + " org"));

            assertThatThrownBy(() -> workers.register(TestWorkers.registration("w1")))
                    .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                            .contains(ErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class Changes {

        @Test
        void name_the_worker_by_its_key() throws Exception {
            when(contract.submitTransaction(anyString(), anyString())).thenReturn(w1);

            workers.pause(TestWorkers.W1);
            workers.resume(TestWorkers.W1);
            workers.deregister(TestWorkers.W1);
            workers.revoke(TestWorkers.W1);

            verify(contract).submitTransaction("worker:Pause", "Org1MSP/w1");
            verify(contract).submitTransaction("worker:Resume", "Org1MSP/w1");
            verify(contract).submitTransaction("worker:Deregister", "Org1MSP/w1");
            verify(contract).submitTransaction("worker:Revoke", "Org1MSP/w1");
        }

        @Test
        void a_heartbeat_sends_free_slots_or_an_empty_string() throws Exception {
            when(contract.submitTransaction(anyString(), anyString(), anyString()))
                    .thenReturn(w1);

            workers.heartbeat(TestWorkers.W1, OptionalInt.of(1));
            workers.heartbeat(TestWorkers.W1, OptionalInt.empty());

            verify(contract).submitTransaction("worker:Heartbeat", "Org1MSP/w1", "1");
            verify(contract).submitTransaction("worker:Heartbeat", "Org1MSP/w1", "");
        }

        @Test
        void an_offer_update_sends_the_validated_offer() throws Exception {
            when(contract.submitTransaction("worker:UpdateOffer", "Org1MSP/w1", PovmJson.write(TestWorkers.offer())))
                    .thenReturn(w1);

            assertThat(workers.updateOffer(TestWorkers.W1, TestWorkers.offer()).key())
                    .isEqualTo("Org1MSP/w1");
        }
    }

    @Nested
    class Reads {

        @Test
        void find_turns_not_found_into_empty() throws Exception {
            when(contract.evaluateTransaction("worker:Get", "Org1MSP/w1"))
                    .thenThrow(GatewayFailures.evaluateRejected(
                            "NOT_FOUND [workerKey] worker 'Org1MSP/w1' does not" + " exist"));

            assertThat(workers.find(TestWorkers.W1)).isEmpty();
        }

        @Test
        void find_self_is_whoami_or_empty() throws Exception {
            when(contract.evaluateTransaction("worker:Whoami", new String[0])).thenReturn(w1);

            assertThat(workers.findSelf()).contains(TestWorkers.worker(TestWorkers.W1));
        }

        @Test
        void list_sends_org_state_page_size_and_bookmark_with_empty_strings_for_any() throws Exception {
            final byte[] page = json(new WorkerPage(List.of(), ""));
            when(contract.evaluateTransaction("worker:List", "Org2MSP", "PAUSED", "10", "b"))
                    .thenReturn(page);
            when(contract.evaluateTransaction("worker:List", "", "", "200", "")).thenReturn(page);

            assertThat(workers.list(Optional.of("Org2MSP"), Optional.of(WorkerState.PAUSED), 10, "b")
                            .count())
                    .isZero();
            assertThat(workers.list(Optional.empty(), Optional.empty(), 200, "").count())
                    .isZero();
        }

        @Test
        void list_rejects_a_page_size_out_of_range_locally() {
            assertThatThrownBy(() -> workers.list(Optional.empty(), Optional.empty(), 201, ""))
                    .isInstanceOfSatisfying(
                            PovmClientException.class,
                            e -> assertThat(e.error().orElseThrow().field()).isEqualTo("pageSize"));
            verifyNoInteractions(contract);
        }
    }
}
