package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.Job;
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
import org.mockito.ArgumentCaptor;

class JobSubmitCommandTest {
    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    @BeforeEach
    void submissionsAreStored() {
        when(cli.jobs.submit(any())).thenAnswer(call -> stored(call.getArgument(0)));
    }

    private static Job stored(final JobSpec spec) {
        final Job sample = TestJobs.job(spec.id());
        return new Job(spec, sample.state(), sample.submitter(), sample.submittedAt(), sample.submitTxId());
    }

    private JobSpec submitted() {
        final ArgumentCaptor<JobSpec> spec = ArgumentCaptor.forClass(JobSpec.class);
        verify(cli.jobs).submit(spec.capture());
        return spec.getValue();
    }

    @Test
    void flags_and_the_command_after_the_double_dash_make_the_spec() {
        final int exit = cli.run(
                "job",
                "submit",
                "--id",
                "flip-1",
                "--image",
                TestJobs.IMAGE,
                "--sla",
                "gold@2",
                "--replicas",
                "3",
                "--env",
                "SEED=7",
                "--env",
                "MODE=fast",
                "--",
                "coinflip",
                "--k",
                "5");

        assertThat(exit).isZero();
        assertThat(submitted())
                .isEqualTo(new JobSpec(
                        "flip-1",
                        TestJobs.IMAGE,
                        List.of("coinflip", "--k", "5"),
                        Map.of("SEED", "7", "MODE", "fast"),
                        "gold@2",
                        Redundancy.kVote(3)));
    }

    @Test
    void defaults_are_a_generated_id_the_standard_sla_and_one_replica() {
        assertThat(cli.run("job", "submit", "--image", TestJobs.IMAGE, "--", "true"))
                .isZero();

        final JobSpec spec = submitted();
        assertThat(spec.id()).isEqualTo(CliHarness.GENERATED_ID);
        assertThat(spec.sla()).isEqualTo("standard@1");
        assertThat(spec.redundancy()).isEqualTo(Redundancy.kVote(1));
        assertThat(spec.env()).isEmpty();
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
        assertThat(cli.run(
                        "job", "submit", "-o", "json", "--id", "flip-1", "--image", TestJobs.IMAGE, "--", "coinflip"))
                .isZero();

        final String printed = cli.out().strip();
        new ObjectMapper().readTree(printed);
        assertThat(printed).isEqualTo(PovmJson.write(stored(submitted())));
    }

    @Test
    void table_output_shows_the_job() {
        assertThat(cli.run("job", "submit", "--id", "flip-1", "--image", TestJobs.IMAGE, "--", "coinflip"))
                .isZero();

        assertThat(cli.out())
                .contains("flip-1")
                .contains("SUBMITTED")
                .contains("Org1MSP")
                .contains("standard@1");
    }

    @Test
    void a_spec_file_and_flags_together_are_a_usage_error() throws IOException {
        final Path file = Files.writeString(dir.resolve("spec.json"), PovmJson.write(TestJobs.spec("x")));

        assertThat(cli.run("job", "submit", "-f", file.toString(), "--image", TestJobs.IMAGE))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("either -f/--file or the flags");
        assertThat(cli.profilesOpened).isEmpty();
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
}
