// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.OrgRecord;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerRecord;
import io.povm.client.TestWorkers;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code povm worker start} and {@code povm worker status}. */
class WorkerStartStatusTest {
    private final CliHarness cli = new CliHarness();

    @Nested
    class Start {
        @Test
        void with_a_config_runs_one_daemon_in_the_foreground() {
            assertThat(cli.run("worker", "start", "--config", "org1.yaml")).isZero();

            assertThat(cli.scriptsRun).containsExactly("scripts/povm-worker start --config org1.yaml");
        }

        @Test
        void all_orgs_starts_one_daemon_per_org() {
            assertThat(cli.run("worker", "start", "--all-orgs")).isZero();

            assertThat(cli.scriptsRun).containsExactly("scripts/workers.sh start");
        }

        @Test
        void neither_or_both_is_a_usage_error() {
            assertThat(cli.run("worker", "start")).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.run("worker", "start", "--all-orgs", "--config", "x.yaml"))
                    .isEqualTo(ExitCodes.USAGE);

            assertThat(cli.err()).contains("give either --config FILE (one daemon) or --all-orgs (one per org)");
            assertThat(cli.scriptsRun).isEmpty();
        }
    }

    @Nested
    class Status {
        private final WorkerKey key = WorkerKey.of("Org2MSP", "w1");

        private Worker aWorkerWithAHistory() {
            final Worker worker = TestWorkers.worker(key).withHeartbeat("2026-11-20T09:59:58Z", OptionalInt.of(1));
            when(cli.workers.get(key)).thenReturn(worker);
            // 3 agreements, 1 disagreement: (3+1)/(3+1+2) = 4/6
            when(cli.workers.record(key))
                    .thenReturn(WorkerRecord.empty(key.toString())
                            .withResult()
                            .withAgreement()
                            .withAgreement()
                            .withAgreement()
                            .withDisagreement());
            when(cli.workers.orgRecord("Org2MSP")).thenReturn(new OrgRecord("Org2MSP", 1, 4, 3, 1, 0, 0, 0, 0));
            return worker;
        }

        @Test
        void shows_the_record_the_score_against_the_floor_and_the_org() {
            aWorkerWithAHistory();

            assertThat(cli.run("worker", "status", "Org2MSP/w1")).isZero();

            assertThat(cli.out())
                    .contains("worker     Org2MSP/w1 (ACTIVE)")
                    .contains("slots      1 free of 2")
                    .contains("score      4/6 = 0.67, at or above the floor 1/4: takes new replicas")
                    .contains("payout     83.3 % of the job's pay per result")
                    .contains("org        Org2MSP: 1 workers, 4 results, 3 agreements, 1 disagreements");
        }

        @Test
        void without_a_key_it_is_the_profiles_own_worker_and_json_parses() throws Exception {
            final Worker worker = aWorkerWithAHistory();
            when(cli.workers.whoami()).thenReturn(worker);

            assertThat(cli.run("worker", "status", "--profile", "org2-user2", "-o", "json"))
                    .isZero();

            final JsonNode view = new ObjectMapper().readTree(cli.out());
            assertThat(view.get("worker").get("msp").asText()).isEqualTo("Org2MSP");
            assertThat(view.get("record").get("agreements").asInt()).isEqualTo(3);
            assertThat(view.get("score").get("meetsFloor").asBoolean()).isTrue();
            assertThat(view.get("score").get("value").asDouble()).isBetween(0.66, 0.67);
            assertThat(view.get("org").get("workers").asInt()).isEqualTo(1);
        }
    }
}
