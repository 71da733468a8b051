// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.ClockTicks;
import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.Submitter;
import io.povm.client.PovmClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code povm network up|down|status}: network/network.sh, plus what the ledger says. */
class NetworkCommandsTest {
    private final CliHarness cli = new CliHarness();

    private static final String STATUS = String.join(
            "\n",
            "NODE       PID      PORT    STATE",
            "orderer1   4242     8110    running",
            "org1-peer  4343     8210    running",
            "org1-cc    -        8213    stopped",
            "orderer1 channel povm: active, consenter, height 12, raft leader",
            "chaincode povm: Version: 1a2b, Sequence: 1",
            "");

    @Nested
    class Up {
        @Test
        void runs_network_up_with_the_options_given() {
            assertThat(cli.run("network", "up", "--base-port", "8100", "--orderers", "1"))
                    .isZero();

            assertThat(cli.scriptsRun).containsExactly("network/network.sh up --orderers 1 --base-port 8100");
        }

        @Test
        void a_failing_script_exits_10_with_one_error_line_and_no_stack_trace() {
            cli.scriptExitCode = 1;

            assertThat(cli.run("network", "up")).isEqualTo(ExitCodes.SCRIPT_FAILED);

            assertThat(cli.err())
                    .startsWith("error: network/network.sh up exited with 1")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void down_passes_wipe_on() {
        assertThat(cli.run("network", "down", "--wipe")).isZero();

        assertThat(cli.scriptsRun).containsExactly("network/network.sh down --wipe");
    }

    @Nested
    class Status {
        private void ledgerAnswers() {
            when(cli.members.find())
                    .thenReturn(Optional.of(new Members(
                            List.of("Org1MSP", "Org2MSP", "Org3MSP"),
                            new Submitter("Org1MSP", "x509::admin"),
                            "2026-11-20T09:00:00Z",
                            "tx-members")));
            when(cli.clock.ticks()).thenReturn(new ClockTicks(Map.of("Org1MSP", "2026-11-20T09:59:50Z")));
        }

        @Test
        void prints_the_nodes_then_the_members_and_clock() {
            cli.scriptOutput.put("network/network.sh status", STATUS);
            ledgerAnswers();

            assertThat(cli.run("network", "status")).isZero();

            assertThat(cli.out())
                    .startsWith(STATUS)
                    .contains("members: Org1MSP, Org2MSP, Org3MSP (majority 2 of 3)")
                    .contains("clock Org1MSP: 2026-11-20T09:59:50Z (10 s ago)");
        }

        @Test
        void json_output_parses_with_nodes_and_ledger() throws Exception {
            cli.scriptOutput.put("network/network.sh status", STATUS);
            ledgerAnswers();

            assertThat(cli.run("network", "status", "-o", "json")).isZero();

            final JsonNode status = new ObjectMapper().readTree(cli.out());
            assertThat(status.get("healthy").asBoolean()).isTrue();
            assertThat(status.get("nodes")).hasSize(3);
            assertThat(status.get("nodes").get(2).get("state").asText()).isEqualTo("stopped");
            assertThat(status.get("nodes").get(0).get("port").asInt()).isEqualTo(8110);
            assertThat(status.get("details")).hasSize(2);
            assertThat(status.get("ledger").get("members").get("threshold").asInt())
                    .isEqualTo(2);
            assertThat(status.get("ledger").get("ticks").get("Org1MSP").asText())
                    .isEqualTo("2026-11-20T09:59:50Z");
        }

        @Test
        void a_stopped_node_or_an_unreachable_ledger_exits_5() {
            cli.scriptExitCode = 1;
            cli.failToOpen = PovmClientException.unavailable("peer 127.0.0.1:8210 is unavailable", "is it up?", null);

            assertThat(cli.run("network", "status")).isEqualTo(ExitCodes.UNAVAILABLE);

            assertThat(cli.out()).contains("ledger: cannot read it: peer 127.0.0.1:8210 is unavailable");
        }

        @Test
        void a_ledger_without_members_says_so() {
            when(cli.members.find()).thenReturn(Optional.empty());
            when(cli.clock.ticks())
                    .thenThrow(PovmClientException.rejected(new PovmError(ErrorCode.NOT_FOUND, "ticks", "none"), null));

            assertThat(cli.run("network", "status")).isEqualTo(ExitCodes.UNAVAILABLE);

            assertThat(cli.out()).contains("ledger: cannot read it: NOT_FOUND [ticks] none");
        }
    }
}
