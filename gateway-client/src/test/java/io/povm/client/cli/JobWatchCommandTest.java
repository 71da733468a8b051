// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.JobState;
import io.povm.client.PovmClientException;
import io.povm.client.TestSlas;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code povm job watch}: each change once, a backoff between polls, the exit code of how the job settled. */
class JobWatchCommandTest {
    private final CliHarness cli = new CliHarness();

    private void story() {
        when(cli.jobs.get(JobStory.ID))
                .thenReturn(
                        JobStory.submitted(),
                        JobStory.submitted(),
                        JobStory.assigned(),
                        JobStory.running(),
                        JobStory.running(),
                        JobStory.committed(),
                        JobStory.revealed(),
                        JobStory.finalized());
    }

    @Test
    void prints_each_change_once_until_the_job_is_finalized() {
        story();

        assertThat(cli.run("job", "watch", JobStory.ID)).isZero();

        assertThat(cli.out().lines().map(line -> line.substring("10:00:00  ".length())))
                .startsWith("job flip-1 SUBMITTED: SLA standard@1, k-vote:1, deadline 2026-11-20T11:00:00Z")
                .containsSubsequence(
                        "state SUBMITTED -> ASSIGNED",
                        "replica 0 (Org2MSP/w1): ASSIGNED",
                        "commits 0/1, reveals 0/1",
                        "state ASSIGNED -> RUNNING",
                        "replica 0 (Org2MSP/w1): ASSIGNED -> RUNNING",
                        "state RUNNING -> RESULTS_PENDING",
                        "replica 0 (Org2MSP/w1): RUNNING -> RESULT_COMMITTED",
                        "commits 1/1, reveals 0/1",
                        "state RESULTS_PENDING -> RESOLVED_SOFT",
                        "replica 0 (Org2MSP/w1): RESULT_COMMITTED -> RESULT_REVEALED, exit code 0, result c0ffeec0ffee",
                        "commits 1/1, reveals 1/1",
                        "verdict soft: winner " + JobStory.HASH
                                + ", agreed 1, disagreed 0, timed out 0, faulted 0 (1 of 1 replicas agree)",
                        "state RESOLVED_SOFT -> FINALIZED")
                .doesNotHaveDuplicates();
    }

    @Test
    void says_once_why_a_submitted_job_waits() {
        story();

        cli.run("job", "watch", JobStory.ID);

        assertThat(cli.out().lines().filter(line -> line.contains("waiting: ")))
                .containsExactly("10:00:00  waiting: no SLA standard@1 on the ledger; see: povm sla list");
    }

    @Test
    void backs_off_while_nothing_changes_and_polls_quickly_after_a_change() {
        story();

        cli.run("job", "watch", JobStory.ID);

        assertThat(cli.sleeps)
                .extracting(Duration::toMillis)
                .containsExactly(500L, 1000L, 500L, 500L, 1000L, 500L, 500L);
    }

    @Test
    void backoff_stops_growing_at_its_longest_pause() {
        when(cli.jobs.get(JobStory.ID)).thenReturn(JobStory.assigned());

        assertThat(cli.run("job", "watch", JobStory.ID, "--timeout", "1m")).isEqualTo(ExitCodes.TIMEOUT);

        assertThat(cli.sleeps).extracting(Duration::toMillis).startsWith(500L, 1000L, 2000L, 4000L, 8000L, 8000L);
        assertThat(cli.err()).contains("gave up after 1m: job flip-1 is still ASSIGNED");
    }

    @Test
    void a_job_that_ends_without_a_result_exits_8() {
        when(cli.jobs.get(JobStory.ID))
                .thenReturn(
                        JobStory.assigned(),
                        JobStory.assigned()
                                .withState(JobState.FAILED, "2026-11-20T10:09:00Z", Optional.of("no replica ran")));

        assertThat(cli.run("job", "watch", JobStory.ID)).isEqualTo(ExitCodes.JOB_UNSUCCESSFUL);

        assertThat(cli.out()).contains("state ASSIGNED -> FAILED (no replica ran)");
        assertThat(cli.err()).contains("job flip-1 ended FAILED without a result");
    }

    @Test
    void json_output_is_one_parseable_job_per_change() throws Exception {
        story();
        when(cli.slas.find("standard@1")).thenReturn(Optional.of(TestSlas.active("standard", 1)));

        assertThat(cli.run("job", "watch", JobStory.ID, "-o", "json")).isZero();

        final ObjectMapper json = new ObjectMapper();
        final List<String> states = cli.out()
                .lines()
                .map(line -> {
                    try {
                        return json.readTree(line);
                    } catch (Exception e) {
                        throw new AssertionError("not JSON: " + line, e);
                    }
                })
                .map(node -> node.get("state"))
                .map(JsonNode::asText)
                .toList();
        assertThat(states)
                .containsExactly("SUBMITTED", "ASSIGNED", "RUNNING", "RESULTS_PENDING", "RESOLVED_SOFT", "FINALIZED");
        assertThat(cli.err()).startsWith("waiting: no registered worker offers SLA standard@1");
    }

    @Test
    void a_malformed_timeout_is_a_usage_error() {
        assertThat(cli.run("job", "watch", JobStory.ID, "--timeout", "soon")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--timeout 'soon' is not a duration");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "--timeout {0} is out of range")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"9223372036854775807s", "106751991167301d", "99999999999999999999m", "366d"})
    void a_timeout_out_of_range_is_a_usage_error_naming_the_range(final String timeout) {
        assertThat(cli.run("job", "watch", JobStory.ID, "--timeout", timeout)).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err())
                .contains("--timeout '" + timeout + "' is out of range: must be 0s to 365d")
                .doesNotContain("internal error");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void an_unavailable_peer_after_the_first_read_is_noted_once_and_the_watch_goes_on() {
        final PovmClientException down =
                PovmClientException.unavailable("peer 127.0.0.1:7110 is unavailable", "h", null);
        when(cli.jobs.get(JobStory.ID))
                .thenReturn(JobStory.revealed())
                .thenThrow(down, down)
                .thenReturn(JobStory.finalized());

        assertThat(cli.run("job", "watch", JobStory.ID)).isZero();

        assertThat(cli.err()).isEqualTo(String.format("note: peer 127.0.0.1:7110 is unavailable; still watching%n"));
        assertThat(cli.out()).contains("state RESOLVED_SOFT -> FINALIZED");
    }

    @Test
    void an_unavailable_peer_on_the_first_read_ends_the_watch_with_exit_5() {
        when(cli.jobs.get(JobStory.ID))
                .thenThrow(PovmClientException.unavailable("peer 127.0.0.1:7110 is unavailable", "is it up?", null));

        assertThat(cli.run("job", "watch", JobStory.ID)).isEqualTo(ExitCodes.UNAVAILABLE);

        assertThat(cli.err()).startsWith("error: peer 127.0.0.1:7110 is unavailable");
    }
}
