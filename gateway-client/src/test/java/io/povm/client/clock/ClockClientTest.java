// SPDX-License-Identifier: Apache-2.0
package io.povm.client.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.client.GatewayFailures;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.client.Contract;
import org.junit.jupiter.api.Test;

class ClockClientTest {
    private static final byte[] TICKS =
            "{\"ticks\":{\"Org1MSP\":\"2026-12-06T10:00:00.000Z\"}}".getBytes(StandardCharsets.UTF_8);

    private final Contract contract = mock(Contract.class);
    private final ClockClient clock = new ClockClient(new PovmChaincode(contract, "127.0.0.1:7110"));

    @Test
    void a_tick_refused_as_running_ahead_of_every_other_org_resumes_the_stalled_clock() throws Exception {
        when(contract.submitTransaction("clock:Tick", new String[0]))
                .thenThrow(
                        GatewayFailures.endorseRejected(
                                "INVALID_ARGUMENT [timestamp] the tick (2026-12-06T10:00:00Z)"
                                        + " runs 3600 s ahead of the freshest other org's tick (2026-12-06T09:00:00Z); at most 60 s"));
        when(contract.submitTransaction("clock:Resume", new String[0])).thenReturn(TICKS);

        assertThat(clock.tickOrResume().ticks()).containsKey("Org1MSP");
    }

    @Test
    void a_resume_refused_because_another_org_restarted_the_clock_meanwhile_is_answered_with_a_tick() throws Exception {
        when(contract.submitTransaction("clock:Tick", new String[0]))
                .thenThrow(
                        GatewayFailures.endorseRejected(
                                "INVALID_ARGUMENT [timestamp] the tick (2026-12-06T10:00:00Z)"
                                        + " runs 3600 s ahead of the freshest other org's tick (2026-12-06T09:00:00Z); at most 60 s"))
                .thenReturn(TICKS);
        when(contract.submitTransaction("clock:Resume", new String[0]))
                .thenThrow(
                        GatewayFailures.endorseRejected("INVALID_STATE [timestamp] the clock is not stalled: the tick"
                                + " is within 60 s of the other orgs' ticks; send clock:Tick"));

        assertThat(clock.tickOrResume().ticks()).containsKey("Org1MSP");
        verify(contract, times(2)).submitTransaction("clock:Tick", new String[0]);
    }

    @Test
    void any_other_refusal_of_a_resume_is_thrown() throws Exception {
        when(contract.submitTransaction("clock:Tick", new String[0]))
                .thenThrow(
                        GatewayFailures.endorseRejected(
                                "INVALID_ARGUMENT [timestamp] the tick (2026-12-06T10:00:00Z)"
                                        + " runs 3600 s ahead of the freshest other org's tick (2026-12-06T09:00:00Z); at most 60 s"));
        when(contract.submitTransaction("clock:Resume", new String[0]))
                .thenThrow(GatewayFailures.endorseRejected(
                        "INVALID_ARGUMENT [timestamp] the tick is not after the org's previous one"));

        assertThatThrownBy(clock::tickOrResume)
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.INVALID_ARGUMENT));
        verify(contract, times(1)).submitTransaction("clock:Tick", new String[0]);
    }

    @Test
    void any_other_refusal_of_a_tick_is_not_answered_with_a_resume() throws Exception {
        when(contract.submitTransaction("clock:Tick", new String[0]))
                .thenThrow(GatewayFailures.endorseRejected(
                        "FORBIDDEN [caller] clock:Tick is a duty of the org's" + " operator"));

        assertThatThrownBy(clock::tickOrResume)
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.FORBIDDEN));
        verify(contract, never()).submitTransaction("clock:Resume", new String[0]);
    }

    @Test
    void a_tick_refused_as_not_later_than_the_orgs_previous_tick_is_skipped_not_thrown() throws Exception {
        when(contract.submitTransaction("clock:Tick", new String[0]))
                .thenThrow(GatewayFailures.endorseRejected("INVALID_ARGUMENT [timestamp] a tick must be later than the"
                        + " org's previous tick (2026-12-06T10:03:00Z); got 2026-12-06T10:00:00Z"));

        assertThat(clock.tickOrResumeUnlessBehind()).isEmpty();
        verify(contract, never()).submitTransaction("clock:Resume", new String[0]);
    }

    @Test
    void a_tick_accepted_or_resumed_is_returned_by_the_tick_unless_behind() throws Exception {
        when(contract.submitTransaction("clock:Tick", new String[0])).thenReturn(TICKS);

        assertThat(clock.tickOrResumeUnlessBehind())
                .hasValueSatisfying(t -> assertThat(t.ticks()).containsKey("Org1MSP"));
    }

    @Test
    void any_other_refusal_is_thrown_by_the_tick_unless_behind() throws Exception {
        when(contract.submitTransaction("clock:Tick", new String[0]))
                .thenThrow(GatewayFailures.endorseRejected(
                        "FORBIDDEN [caller] clock:Tick is a duty of the org's" + " operator"));

        assertThatThrownBy(clock::tickOrResumeUnlessBehind)
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.FORBIDDEN));
    }
}
