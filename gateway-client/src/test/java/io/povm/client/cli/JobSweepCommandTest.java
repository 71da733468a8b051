// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.Job;
import io.povm.api.JobBatch;
import io.povm.api.JobSpec;
import io.povm.api.Redundancy;
import io.povm.client.usage.CoinflipJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** {@code povm job sweep} against a mocked JobClient. */
class JobSweepCommandTest {
    private static final String IMAGE = "povm/coinflip@sha256:" + "ab".repeat(32);

    private final CliHarness cli = new CliHarness();

    @TempDir
    Path pids;

    @BeforeEach
    void jobs_resolve_as_soon_as_they_are_read() throws IOException {
        Files.writeString(
                pids.resolve("me.pid"), Long.toString(ProcessHandle.current().pid()));
        when(cli.jobs.find(any())).thenReturn(Optional.empty());
        when(cli.jobs.submitAll(any(), any())).thenAnswer(call -> {
            final List<JobSpec> specs = call.getArgument(0);
            return new JobBatch(
                    specs.size(),
                    0,
                    null,
                    null,
                    specs.stream()
                            .map(spec ->
                                    CoinflipJobs.submitted(spec.id(), spec.env().get("SEED"), 3))
                            .toList());
        });
        when(cli.jobs.get("s-1")).thenReturn(CoinflipJobs.resolved("s-1", "demo-1", 3, 40, 3, 100));
        when(cli.jobs.get("s-2")).thenReturn(CoinflipJobs.resolved("s-2", "demo-2", 3, 6, 2, 120));
        when(cli.jobs.get("s-3")).thenReturn(CoinflipJobs.resolved("s-3", "demo-3", 3, 20, 3, 80));
    }

    private int sweep(final String... more) {
        final List<String> args = new ArrayList<>(List.of(
                "job",
                "sweep",
                "--image",
                IMAGE,
                "--count",
                "3",
                "--k",
                "3",
                "--job-prefix",
                "s-",
                "--pid-dir",
                pids.toString()));
        args.addAll(List.of(more));
        if (!args.contains("--poll-millis")) {
            args.addAll(List.of("--poll-millis", "0"));
        }
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void submits_one_coinflip_job_per_seed_with_k_vote_replicas_in_one_batch_from_the_account() {
        assertThat(sweep()).isZero();

        @SuppressWarnings("unchecked")
        final ArgumentCaptor<List<JobSpec>> batches = ArgumentCaptor.forClass(List.class);
        verify(cli.jobs).submitAll(batches.capture(), org.mockito.ArgumentMatchers.eq(""));
        assertThat(batches.getValue()).extracting(JobSpec::id).containsExactly("s-1", "s-2", "s-3");
        final JobSpec second = batches.getValue().get(1);
        assertThat(second.id()).isEqualTo("s-2");
        assertThat(second.env()).isEqualTo(Map.of("SEED", "demo-2", "K", "3", "CHECKPOINT_EVERY", "4096"));
        assertThat(second.command()).containsExactly("povm-coinflip");
        assertThat(second.redundancy()).isEqualTo(Redundancy.kVote(3));
        assertThat(second.sla()).isEqualTo("standard@1");
        assertThat(cli.err()).contains("s-1: submitted, SEED=demo-1").contains("3/3 done");
    }

    @Test
    void prints_the_luckiest_seed_the_interval_the_votes_and_the_useful_work() {
        assertThat(sweep()).isZero();

        assertThat(cli.out())
                .contains("luckiest seed  demo-2: 6 flips to 3 heads in a row (unluckiest: demo-1, 40 flips)")
                .containsPattern(
                        "mean flips     22\\.0, 95% CI \\[[0-9.]+, [0-9.]+\\] \\(n=3, exact for an exponential mean")
                .contains("expected       2^(k+1)-2 = 14: inside the interval")
                .contains("replicas       8 agreed, 1 disagreed, 0 timed out, 0 faulted (3 jobs)")
                .contains("useful work    0.90 CPU-s attested by the replicas, about 9.0 J (0.00250 Wh, 0.00120 g CO2)")
                .contains("of 1 network and worker processes")
                .containsPattern("J \\([0-9.e-]+ Wh, [0-9.e-]+ g CO2\\); useful share [0-9.]+%")
                .contains("hashcash       useful share 0%")
                .contains("assumed 10.0 W per busy core, 480.0 gCO2 per kWh")
                .contains("watts: assumed 10 W per busy core")
                .contains("carbon: 480 gCO2/kWh, world average electricity of 2023 (Ember, Global Electricity Review");
    }

    @Test
    void json_output_is_one_document_with_jobs_statistics_votes_and_work() throws IOException {
        assertThat(sweep("-o", "json", "--watts-per-core", "20", "--grams-co2-per-kwh", "100"))
                .isZero();

        final JsonNode summary = new ObjectMapper().readTree(cli.out());
        assertThat(summary.path("k").asInt()).isEqualTo(3);
        assertThat(summary.path("jobs")).hasSize(3);
        assertThat(summary.path("statistics").path("luckiest").path("seed").asText())
                .isEqualTo("demo-2");
        assertThat(summary.path("statistics").path("n").asInt()).isEqualTo(3);
        assertThat(summary.path("replicas").path("agreed").asInt()).isEqualTo(8);
        assertThat(summary.path("work").path("usefulCpuMillis").asLong()).isEqualTo(900);
        assertThat(summary.path("work").path("energyModel").path("wattsPerCore").asDouble())
                .isEqualTo(20.0);
        assertThat(summary.path("work")
                        .path("energyModel")
                        .path("gramsCo2Source")
                        .asText())
                .isEqualTo("given: --grams-co2-per-kwh 100");
        assertThat(summary.path("work").path("usefulJoules").asDouble()).isEqualTo(18.0);
        assertThat(summary.path("work").path("usefulGramsCo2").asDouble()).isEqualTo(18.0 / 3600 / 1000 * 100);
        assertThat(summary.path("work").path("overheadByProcess").has("me")).isTrue();
        assertThat(summary.path("timing").path("submitted").asInt()).isEqualTo(3);
    }

    @Test
    void json_file_holds_the_summary_the_table_shows() throws IOException {
        final Path file = pids.resolve("summary.json");

        assertThat(sweep("--json-file", file.toString())).isZero();

        assertThat(cli.out()).contains("luckiest seed  demo-2");
        assertThat(new ObjectMapper()
                        .readTree(file.toFile())
                        .path("statistics")
                        .path("meanFlips")
                        .asDouble())
                .isEqualTo(22.0);
    }

    @Test
    void jobs_already_on_the_ledger_are_not_submitted_again() {
        final Job stored = CoinflipJobs.resolved("s-1", "demo-1", 3, 40, 3, 100);
        when(cli.jobs.find("s-1")).thenReturn(Optional.of(stored));

        assertThat(sweep()).isZero();

        verify(cli.jobs)
                .submitAll(
                        org.mockito.ArgumentMatchers.argThat(specs ->
                                specs.stream().map(JobSpec::id).toList().equals(List.of("s-2", "s-3"))),
                        org.mockito.ArgumentMatchers.eq(""));
        assertThat(cli.err()).contains("s-1: already on the ledger (RESOLVED_SOFT)");
    }

    @Test
    void stops_waiting_at_the_timeout_prints_what_there_is_and_exits_5() {
        when(cli.jobs.get("s-3")).thenReturn(CoinflipJobs.submitted("s-3", "demo-3", 3));

        assertThat(sweep("--timeout-seconds", "1", "--poll-millis", "200"))
                .as(cli.err())
                .isEqualTo(ExitCodes.UNAVAILABLE);

        assertThat(cli.err())
                .contains("2/3 done | waiting for workers: demo-3")
                .contains("not every job was decided within 1 s");
        assertThat(cli.out()).contains("luckiest seed  demo-2");
    }

    @Test
    void rejects_a_deadline_out_of_range_before_connecting() {
        assertThat(cli.run("job", "sweep", "--image", IMAGE, "--deadline", "9223372036854775807s"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err())
                .contains("--deadline '9223372036854775807s' is out of range: a duration from now must be 1m to 7d")
                .doesNotContain("internal error");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void rejects_a_first_seed_whose_range_overflows_instead_of_sweeping_nothing() {
        assertThat(cli.run("job", "sweep", "--image", IMAGE, "--first", "2147483647"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--first is 2147483647; must be 0 to 2147483638 with --count 10");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "--watts-per-core {0} is a usage error")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"NaN", "Infinity", "-1.5", "0.0"})
    void rejects_a_power_that_is_not_a_positive_number(final String watts) {
        assertThat(cli.run("job", "sweep", "--image", IMAGE, "--watts-per-core", watts))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--watts-per-core is " + watts + "; must be a finite number more than 0");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "--replicas {0} is rejected before connecting")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-3", "2", "2147483647"})
    void rejects_replicas_the_spec_rules_refuse_before_connecting(final String replicas) {
        assertThat(cli.run("job", "sweep", "--image", IMAGE, "--replicas", replicas))
                .isEqualTo(ExitCodes.REJECTED);

        assertThat(cli.err()).contains("[redundancy.replicas] is " + replicas);
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void rejects_a_k_the_coin_flipper_does_not_accept_before_connecting() {
        assertThat(cli.run("job", "sweep", "--image", IMAGE, "--k", "49")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--k is 49; must be 1 to 48");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "--grams-co2-per-kwh {0} is a usage error")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"NaN", "Infinity", "-1.0"})
    void rejects_a_carbon_intensity_that_is_not_a_number_of_0_or_more(final String grams) {
        assertThat(cli.run("job", "sweep", "--image", IMAGE, "--grams-co2-per-kwh", grams))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--grams-co2-per-kwh is " + grams + "; must be a finite number of 0 or more");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void help_names_both_figures_of_the_energy_model_and_the_hashcash_comparison() {
        assertThat(cli.run("job", "sweep", "--help")).isZero();

        assertThat(cli.out())
                .contains("--watts-per-core=W", "--grams-co2-per-kwh=G")
                .contains("beside hashcash's 0% useful share.")
                .contains("(default: 480.0, the world");
    }
}
