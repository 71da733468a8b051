// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.Job;
import io.povm.api.JobInput;
import io.povm.api.JobResources;
import io.povm.api.JobSpec;
import io.povm.api.PovmJson;
import io.povm.api.Redundancy;
import io.povm.client.TestJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

class JobSubmitCommandTest {
    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    @BeforeEach
    void submissionsAreStored() {
        when(cli.jobs.submit(any())).thenAnswer(call -> TestJobs.job(call.<JobSpec>getArgument(0)));
    }

    private JobSpec submitted() {
        final ArgumentCaptor<JobSpec> spec = ArgumentCaptor.forClass(JobSpec.class);
        verify(cli.jobs).submit(spec.capture());
        return spec.getValue();
    }

    private int submit(final String... flags) {
        final String[] args = new String[flags.length + 4];
        args[0] = "job";
        args[1] = "submit";
        args[2] = "--image";
        args[3] = TestJobs.IMAGE;
        System.arraycopy(flags, 0, args, 4, flags.length);
        return cli.run(args);
    }

    @Test
    void flags_and_the_command_after_the_double_dash_make_the_spec() {
        final int exit = submit(
                "--id",
                "flip-1",
                "--sla",
                "gold@2",
                "--replicas",
                "3",
                "--env",
                "SEED=7",
                "--env",
                "MODE=fast",
                "--deadline",
                "2026-11-21T08:00:00Z",
                "--",
                "coinflip",
                "--k",
                "5");

        assertThat(exit).isZero();
        assertThat(submitted())
                .isEqualTo(JobSpec.builder("flip-1")
                        .image(TestJobs.IMAGE)
                        .command(List.of("coinflip", "--k", "5"))
                        .env(Map.of("SEED", "7", "MODE", "fast"))
                        .sla("gold@2")
                        .redundancy(Redundancy.kVote(3))
                        .deadline("2026-11-21T08:00:00Z")
                        .build());
    }

    @Test
    void defaults_are_a_generated_id_the_standard_sla_one_replica_and_a_deadline_in_24_hours() {
        assertThat(submit("--", "true")).isZero();

        final JobSpec spec = submitted();
        assertThat(spec.id()).isEqualTo(CliHarness.GENERATED_ID);
        assertThat(spec.sla()).isEqualTo("standard@1");
        assertThat(spec.redundancy()).isEqualTo(Redundancy.kVote(1));
        assertThat(spec.env()).isEmpty();
        assertThat(spec.inputs()).isEmpty();
        assertThat(spec.resources()).isEmpty();
        assertThat(spec.deadline()).isEqualTo("2026-11-21T10:00:00Z");
    }

    @ParameterizedTest(name = "--deadline {0} is {1}")
    @CsvSource({
        "90s, 2026-11-20T10:01:30Z",
        "30m, 2026-11-20T10:30:00Z",
        "1h, 2026-11-20T11:00:00Z",
        "1h30m, 2026-11-20T11:30:00Z",
        "2d, 2026-11-22T10:00:00Z",
        "1d2h3m4s, 2026-11-21T12:03:04Z",
        "2026-11-20T12:00:00.500Z, 2026-11-20T12:00:00.500Z"
    })
    void a_deadline_is_an_instant_or_a_duration_from_now_converted_here(final String flag, final String deadline) {
        assertThat(submit("--deadline", flag, "--", "true")).isZero();

        assertThat(submitted().deadline()).isEqualTo(deadline);
    }

    @ParameterizedTest(name = "--deadline {0} is a usage error")
    @ValueSource(strings = {"soon", "1w", "h", "1h-", "2026-13-01T00:00:00Z", "1.5h"})
    void a_malformed_deadline_is_a_usage_error_naming_what_is_accepted(final String flag) {
        assertThat(submit("--deadline", flag, "--", "true")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--deadline '" + flag + "' is not an ISO-8601 UTC instant");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @ParameterizedTest(name = "--deadline {0} is out of range")
    @ValueSource(
            strings = {
                "9223372036854775807s",
                "106751991167301d",
                "99999999999999999999999h",
                "9223372036854775807d9223372036854775807s",
                "8d",
                "7d1s",
                "59s",
                "0s"
            })
    void a_deadline_duration_out_of_range_is_a_usage_error_naming_the_range(final String flag) {
        assertThat(submit("--deadline", flag, "--", "true")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err())
                .contains("--deadline '" + flag + "' is out of range: a duration from now must be 1m to 7d")
                .doesNotContain("internal error");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @ParameterizedTest(name = "--deadline {0} is in range")
    @CsvSource({"1m, 2026-11-20T10:01:00Z", "7d, 2026-11-27T10:00:00Z", "60s, 2026-11-20T10:01:00Z"})
    void a_deadline_duration_of_one_minute_to_seven_days_is_accepted(final String flag, final String deadline) {
        assertThat(submit("--deadline", flag, "--", "true")).isZero();

        assertThat(submitted().deadline()).isEqualTo(deadline);
    }

    @Test
    void a_job_file_deadline_out_of_range_is_a_usage_error_naming_the_field() throws IOException {
        final Path file = Files.writeString(
                dir.resolve("flip.yaml"),
                "image: " + TestJobs.IMAGE + "\ncommand: [coinflip]\ndeadline: 9223372036854775807s\n");

        assertThat(cli.run("job", "submit", "-f", file.toString())).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err())
                .contains("job file " + file
                        + ": deadline '9223372036854775807s' is out of range: a duration from now must be 1m to 7d")
                .doesNotContain("internal error");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void redundancy_takes_k_vote_or_iterative() {
        assertThat(submit("--redundancy", "iterative:d=2,min=2,cap=7", "--", "true"))
                .isZero();
        assertThat(submitted().redundancy()).isEqualTo(Redundancy.iterative(2, 2, 7));

        final CliHarness adaptive = new CliHarness();
        when(adaptive.jobs.submit(any())).thenAnswer(call -> TestJobs.job(call.<JobSpec>getArgument(0)));
        assertThat(adaptive.run("job", "submit", "--image", TestJobs.IMAGE, "--redundancy", "adaptive:3", "--", "true"))
                .isZero();

        final CliHarness again = new CliHarness();
        when(again.jobs.submit(any())).thenAnswer(call -> TestJobs.job(call.<JobSpec>getArgument(0)));
        assertThat(again.run("job", "submit", "--image", TestJobs.IMAGE, "--redundancy", "k-vote:5", "--", "true"))
                .isZero();
    }

    @ParameterizedTest(name = "--redundancy {0} is a usage error")
    @ValueSource(strings = {"k-vote", "k-vote:x", "iterative:d=2", "majority:3", "iterative:min=2,d=2,cap=7"})
    void a_malformed_redundancy_is_a_usage_error(final String flag) {
        assertThat(submit("--redundancy", flag, "--", "true")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err())
                .contains("k-vote:K (K odd, 1 to 15), iterative:d=D,min=M,cap=C or adaptive:K (K odd, 3 to 15)");
    }

    @Test
    void replicas_and_redundancy_together_are_a_usage_error() {
        assertThat(submit("--replicas", "3", "--redundancy", "k-vote:3", "--", "true"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("either --replicas or --redundancy");
    }

    @Test
    void an_out_of_range_redundancy_is_rejected_by_the_spec_rules_before_connecting() {
        assertThat(submit("--redundancy", "iterative:d=3,min=2,cap=7", "--", "true"))
                .isEqualTo(ExitCodes.REJECTED);

        assertThat(cli.err()).startsWith("error: INVALID_ARGUMENT [redundancy.minReplicas]");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void inputs_are_inline_files_or_references_and_resources_are_declared() throws IOException {
        final Path seed = Files.writeString(dir.resolve("seed.txt"), "7\n");
        final String hash = "ab".repeat(32);

        assertThat(submit(
                        "--input",
                        "seed.txt=@" + seed,
                        "--input",
                        "corpus=sha256:" + hash + ":1048576@https://data.example/c?x=a@b",
                        "--cpu-millis",
                        "500",
                        "--memory-mib",
                        "256",
                        "--",
                        "true"))
                .isZero();

        final JobSpec spec = submitted();
        assertThat(spec.inputs())
                .containsExactly(
                        JobInput.inline("seed.txt", "Nwo="),
                        JobInput.reference("corpus", hash, "https://data.example/c?x=a@b", 1_048_576));
        assertThat(spec.resources()).contains(new JobResources(500, 256));
    }

    @Test
    void an_inline_file_over_16_kib_is_a_usage_error_suggesting_a_reference() throws IOException {
        final Path big = Files.write(dir.resolve("big.bin"), new byte[16 * 1024 + 1]);

        assertThat(submit("--input", "big=@" + big, "--", "true")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("has 16385 bytes").contains("NAME=sha256:<64 hex>:<size>@<url>");
    }

    @ParameterizedTest(name = "--input {0} is a usage error")
    @ValueSource(strings = {"noequals", "=@x", "a=sha256:abc:1@https://x", "a=https://x", "a=@/no/such/file"})
    void a_malformed_input_is_a_usage_error(final String flag) {
        assertThat(submit("--input", flag, "--", "true")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--input");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void generated_ids_are_job_and_eight_hex_digits() {
        assertThat(CliContext.randomJobId()).matches("job-[0-9a-f]{8}");
        assertThat(CliContext.randomJobId()).isNotEqualTo(CliContext.randomJobId());
    }

    @Test
    void a_spec_file_is_submitted_as_written() throws IOException {
        final JobSpec spec = TestJobs.spec("from-file");
        final Path file = Files.writeString(dir.resolve("spec.json"), PovmJson.write(spec));

        assertThat(cli.run("job", "submit", "-f", file.toString())).isZero();

        assertThat(submitted()).isEqualTo(spec);
    }

    @Test
    void a_dash_reads_the_spec_from_stdin() {
        final JobSpec spec = TestJobs.spec("from-stdin");
        cli.stdin = PovmJson.write(spec);

        assertThat(cli.run("job", "submit", "--file", "-")).isZero();

        assertThat(submitted()).isEqualTo(spec);
    }

    @Test
    void json_output_is_the_stored_job_exactly() throws IOException {
        assertThat(submit("-o", "json", "--id", "flip-1", "--", "coinflip")).isZero();

        final String printed = cli.out().strip();
        new ObjectMapper().readTree(printed);
        assertThat(printed).isEqualTo(PovmJson.write(TestJobs.job(submitted())));
    }

    @Test
    void table_output_shows_the_job() {
        assertThat(submit("--id", "flip-1", "--", "coinflip")).isZero();

        assertThat(cli.out())
                .contains("flip-1")
                .contains("SUBMITTED")
                .contains("Org1MSP")
                .contains("standard@1")
                .contains("deadline      2026-11-21T10:00:00Z");
    }

    @Test
    void flags_override_the_fields_of_a_job_file() throws IOException {
        final Path file = Files.writeString(dir.resolve("spec.json"), PovmJson.write(TestJobs.spec("x")));

        assertThat(cli.run(
                        "job",
                        "submit",
                        "-f",
                        file.toString(),
                        "--id",
                        "x-2",
                        "--deadline",
                        "1h",
                        "--env",
                        "K=v",
                        "--replicas",
                        "1",
                        "--",
                        "coinflip",
                        "--k",
                        "9"))
                .isZero();

        final JobSpec spec = submitted();
        assertThat(spec.id()).isEqualTo("x-2");
        assertThat(spec.deadline()).isEqualTo("2026-11-20T11:00:00Z");
        assertThat(spec.env()).containsExactly(Map.entry("K", "v"), Map.entry("SEED", "7"));
        assertThat(spec.redundancy()).isEqualTo(Redundancy.kVote(1));
        assertThat(spec.command()).containsExactly("coinflip", "--k", "9");
        assertThat(spec.image()).isEqualTo(TestJobs.IMAGE);
        assertThat(spec.sla()).isEqualTo("standard@1");
    }

    @Test
    void a_yaml_job_file_may_leave_out_the_defaults_and_give_a_relative_deadline() throws IOException {
        final Path file = Files.writeString(
                dir.resolve("flip.yaml"),
                String.join(
                        "\n",
                        "image: " + TestJobs.IMAGE,
                        "command: [coinflip, --k, \"5\"]",
                        "env:",
                        "  SEED: \"7\"",
                        "redundancy: {mode: k-vote, replicas: 3}",
                        "deadline: 2h",
                        ""));

        assertThat(cli.run("job", "submit", "-f", file.toString())).isZero();

        final JobSpec spec = submitted();
        assertThat(spec.id()).isEqualTo(CliHarness.GENERATED_ID);
        assertThat(spec.sla()).isEqualTo("standard@1");
        assertThat(spec.deadline()).isEqualTo("2026-11-20T12:00:00Z");
        assertThat(spec.redundancy()).isEqualTo(Redundancy.kVote(3));
        assertThat(spec.command()).containsExactly("coinflip", "--k", "5");
        assertThat(spec.env()).containsExactly(Map.entry("SEED", "7"));
    }

    @Test
    void a_job_file_that_is_not_an_object_is_a_usage_error() throws IOException {
        final Path file = Files.writeString(dir.resolve("flip.yaml"), "- just\n- a list\n");

        assertThat(cli.run("job", "submit", "-f", file.toString())).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("job file " + file + " must hold one object with the spec's fields");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void a_json_job_file_with_a_duplicate_key_is_a_usage_error_naming_the_key_and_its_line() throws IOException {
        final Path file = Files.writeString(
                dir.resolve("flip.json"),
                "{\"image\":\"" + TestJobs.IMAGE + "\",\n \"command\":[\"true\"],\n \"image\":\"other\"}");

        assertThat(cli.run("job", "submit", "-f", file.toString())).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err())
                .contains("job file " + file + " is not valid JSON: duplicate key 'image' (line 3, column");
        assertThat(cli.profilesOpened).isEmpty();
        verifyNoInteractions(cli.jobs);
    }

    @Test
    void a_yaml_job_file_with_a_duplicate_key_is_a_usage_error_naming_the_key_its_path_and_its_line()
            throws IOException {
        final Path file = Files.writeString(
                dir.resolve("flip.yaml"),
                String.join(
                        "\n",
                        "image: " + TestJobs.IMAGE,
                        "command: [coinflip]",
                        "env:",
                        "  SEED: \"7\"",
                        "  SEED: \"8\"",
                        ""));

        assertThat(cli.run("job", "submit", "-f", file.toString())).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err())
                .contains("job file " + file + " is not valid YAML: duplicate key 'env.SEED' (line 5, column");
        assertThat(cli.profilesOpened).isEmpty();
        verifyNoInteractions(cli.jobs);
    }

    @Test
    void a_job_file_from_stdin_with_a_duplicate_key_is_a_usage_error() {
        cli.stdin = "deadline: 2h\nimage: x\ndeadline: 3h\n";

        assertThat(cli.run("job", "submit", "-f", "-")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("job file - is not valid YAML: duplicate key 'deadline' (line 3, column");
    }

    @Test
    void a_job_nothing_can_run_gets_a_warning_that_names_the_failed_constraint() {
        assertThat(submit("--", "coinflip")).isZero();

        assertThat(cli.err())
                .isEqualTo(String.format(
                        "warning: no worker can take job %s now; it waits on the ledger%n"
                                + "waiting: no SLA standard@1 on the ledger; see: povm sla list%n",
                        CliHarness.GENERATED_ID));
    }

    @Test
    void without_image_or_file_it_is_a_usage_error() {
        assertThat(cli.run("job", "submit", "--", "coinflip")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("missing --image");
    }

    @Test
    void a_missing_spec_file_is_a_usage_error() {
        assertThat(cli.run("job", "submit", "-f", dir.resolve("absent.json").toString()))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("cannot read spec file").contains("no such file");
    }

    @Test
    void a_spec_with_an_unknown_field_is_rejected_before_connecting() throws IOException {
        final Path file = Files.writeString(
                dir.resolve("spec.json"), PovmJson.write(TestJobs.spec("x")).replaceFirst("\\{", "{\"priority\":1,"));

        assertThat(cli.run("job", "submit", "-f", file.toString())).isEqualTo(ExitCodes.REJECTED);

        assertThat(cli.err()).startsWith("error: INVALID_ARGUMENT [priority] unknown field");
        assertThat(cli.profilesOpened).isEmpty();
        verifyNoInteractions(cli.jobs);
    }

    @Test
    void a_stored_job_parses_back() {
        final Job job = TestJobs.job("flip-1");

        assertThat(PovmJson.read(PovmJson.write(job), Job.class)).isEqualTo(job);
    }
}
