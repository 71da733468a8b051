// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.Job;
import io.povm.api.JobHistory;
import io.povm.api.JobVersion;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code povm job logs}: the job's events oldest first, then what each replica reported. */
class JobLogsCommandTest {
    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void aSettledJob() {
        final List<Job> oldestFirst = List.of(
                JobStory.submitted(),
                JobStory.assigned(),
                JobStory.running(),
                JobStory.committed(),
                JobStory.revealed());
        final List<JobVersion> newestFirst = new java.util.ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            newestFirst.add(new JobVersion("tx-" + i, "2026-11-20T10:00:0" + i + "Z", false, oldestFirst.get(i)));
        }
        when(cli.jobs.history(JobStory.ID)).thenReturn(new JobHistory(JobStory.ID, newestFirst));
    }

    @Test
    void prints_the_events_oldest_first_then_each_replicas_output() {
        assertThat(cli.run("job", "logs", JobStory.ID)).isZero();

        assertThat(cli.out())
                .startsWith("2026-11-20T10:00:00Z  job flip-1 SUBMITTED")
                .contains("2026-11-20T10:00:01Z  state SUBMITTED -> ASSIGNED")
                .contains("2026-11-20T10:00:04Z  verdict soft: winner " + JobStory.HASH)
                .endsWith(String.format(
                        "== replica 0 (Org2MSP/w1): RESULT_REVEALED, exit code 0, wall 812 ms, cpu 640 ms%n%s",
                        JobStory.OUTPUT));
    }

    @Test
    void json_output_parses_and_holds_events_and_outputs() throws Exception {
        assertThat(cli.run("job", "logs", JobStory.ID, "-o", "json")).isZero();

        final JsonNode logs = new ObjectMapper().readTree(cli.out());
        assertThat(logs.get("jobId").asText()).isEqualTo(JobStory.ID);
        assertThat(logs.get("events")).hasSize(5);
        assertThat(logs.get("events").get(1).get("changes").get(0).asText()).isEqualTo("state SUBMITTED -> ASSIGNED");
        assertThat(logs.get("outputs").get(0).get("exitCode").asInt()).isZero();
        assertThat(logs.get("outputs").get(0).get("output").asText()).isEqualTo(JobStory.OUTPUT);
        assertThat(logs.get("outputs").get(0).has("limitHit")).isFalse();
    }
}
