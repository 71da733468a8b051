// SPDX-License-Identifier: Apache-2.0
package io.povm.client.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.JobLimits;
import io.povm.api.PovmJson;
import io.povm.api.SlaPage;
import io.povm.api.SlaSpec;
import io.povm.api.SlaState;
import io.povm.api.SlaStatus;
import io.povm.client.GatewayFailures;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import io.povm.client.TestSlas;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.client.Contract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaClientTest {
    private final Contract contract = mock(Contract.class);
    private final SlaClient slas = new SlaClient(new PovmChaincode(contract, "127.0.0.1:7110"));

    private static byte[] json(final Object value) {
        return PovmJson.write(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRejectedAt(final Runnable call, final ErrorCode code, final String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PovmClientException.class, e -> {
            assertThat(e.kind()).isEqualTo(PovmClientException.Kind.REJECTED);
            assertThat(e.errorCode()).contains(code);
            assertThat(e.error().orElseThrow().field()).isEqualTo(field);
        });
    }

    @Nested
    class Propose {
        @Test
        void submits_sla_propose_with_the_terms_as_povm_json() throws Exception {
            final SlaSpec spec = TestSlas.spec("standard", 1);
            when(contract.submitTransaction("sla:Propose", PovmJson.write(spec)))
                    .thenReturn(json(TestSlas.proposed("standard", 1)));

            assertThat(slas.propose(spec)).isEqualTo(TestSlas.proposed("standard", 1));
        }

        @Test
        void rejects_terms_out_of_bounds_locally_without_calling_the_peer() {
            final SlaSpec spec = TestSlas.spec("standard", 1);
            final SlaSpec noOutput = new SlaSpec("standard", 1, spec.vm(), new JobLimits(0, 0));

            assertRejectedAt(() -> slas.propose(noOutput), ErrorCode.INVALID_ARGUMENT, "job.maxOutputBytes");
            verifyNoInteractions(contract);
        }

        @Test
        void reports_a_taken_version_from_the_chaincode() throws Exception {
            when(contract.submitTransaction(anyString(), any(String[].class)))
                    .thenThrow(GatewayFailures.endorseRejected(
                            "DUPLICATE_ID [version] SLA standard@1 already exists with other terms"));

            assertRejectedAt(() -> slas.propose(TestSlas.spec("standard", 1)), ErrorCode.DUPLICATE_ID, "version");
        }
    }

    @Nested
    class Votes {
        @Test
        void approve_submits_sla_approve_with_the_reference() throws Exception {
            final SlaStatus active = TestSlas.status("standard@1", SlaState.ACTIVE, 2);
            when(contract.submitTransaction("sla:Approve", "standard@1")).thenReturn(json(active));

            assertThat(slas.approve("standard@1")).isEqualTo(active);
        }

        @Test
        void deprecate_submits_sla_deprecate_with_the_reference() throws Exception {
            final SlaStatus status = TestSlas.status("standard@1", SlaState.ACTIVE, 2);
            when(contract.submitTransaction("sla:Deprecate", "standard@1")).thenReturn(json(status));

            assertThat(slas.deprecate("standard@1")).isEqualTo(status);
        }

        @Test
        void a_malformed_reference_is_rejected_locally() {
            assertRejectedAt(() -> slas.approve("standard"), ErrorCode.INVALID_ARGUMENT, "ref");
            assertRejectedAt(() -> slas.deprecate("standard@0"), ErrorCode.INVALID_ARGUMENT, "ref");
            verifyNoInteractions(contract);
        }

        @Test
        void a_refusal_names_the_rule() throws Exception {
            when(contract.submitTransaction(anyString(), any(String[].class)))
                    .thenThrow(GatewayFailures.endorseRejected(
                            "FORBIDDEN [caller] sla:Approve requires an org admin identity (OU=admin); caller has"
                                    + " OU=client"));

            assertRejectedAt(() -> slas.approve("standard@1"), ErrorCode.FORBIDDEN, "caller");
        }
    }

    @Nested
    class Reads {
        @Test
        void get_evaluates_sla_get() throws Exception {
            when(contract.evaluateTransaction("sla:Get", "standard@1"))
                    .thenReturn(json(TestSlas.active("standard", 1)));

            assertThat(slas.get("standard@1")).isEqualTo(TestSlas.active("standard", 1));
        }

        @Test
        void find_turns_not_found_into_empty() throws Exception {
            when(contract.evaluateTransaction("sla:Get", "standard@2"))
                    .thenThrow(GatewayFailures.evaluateRejected("NOT_FOUND [ref] SLA standard@2 does not exist"));

            assertThat(slas.find("standard@2")).isEmpty();
        }

        @Test
        void list_passes_an_empty_state_for_every_sla() throws Exception {
            final SlaPage page = new SlaPage(List.of(TestSlas.proposed("basic", 1)), "");
            when(contract.evaluateTransaction("sla:List", "", "50", "")).thenReturn(json(page));

            assertThat(slas.list(50, "")).isEqualTo(page);
        }

        @Test
        void list_by_state_passes_the_state_name() throws Exception {
            final SlaPage page = new SlaPage(List.of(TestSlas.active("basic", 1)), "next");
            when(contract.evaluateTransaction("sla:List", "ACTIVE", "1", "")).thenReturn(json(page));

            assertThat(slas.list(SlaState.ACTIVE, 1, "")).isEqualTo(page);
        }

        @Test
        void list_rejects_a_page_size_out_of_range_locally() {
            assertRejectedAt(() -> slas.list(0, ""), ErrorCode.INVALID_ARGUMENT, "pageSize");
            assertRejectedAt(() -> slas.list(SlaState.ACTIVE, 201, ""), ErrorCode.INVALID_ARGUMENT, "pageSize");
            verifyNoInteractions(contract);
        }

        @Test
        void an_unreadable_answer_is_internal() throws Exception {
            when(contract.evaluateTransaction("sla:ListApprovals", "standard@1"))
                    .thenReturn("{}".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> slas.votes("standard@1")).isInstanceOfSatisfying(PovmClientException.class, e -> {
                assertThat(e.kind()).isEqualTo(PovmClientException.Kind.INTERNAL);
                assertThat(e.getMessage()).startsWith("unexpected sla:ListApprovals response");
            });
        }
    }
}
