package io.povm.worker.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.worker.sandbox.ContainerRun;
import io.povm.worker.sandbox.ResourceUsage;
import io.povm.worker.sandbox.SandboxPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** From a container run to measurements, and which limit counts as hit. */
class MeasurementsTest {
    private static final SandboxPolicy POLICY =
            SandboxPolicy.builder().pidsLimit(8).build();
    private static final ResourceUsage BUSY = new ResourceUsage(Duration.ofMillis(1900), 30_000_000L, 8, 2);

    private static ContainerRun.Builder run() {
        return ContainerRun.builder().wallTime(Duration.ofSeconds(2)).stdout("done\n");
    }

    @Test
    void copies_times_memory_exit_code_and_output_size() {
        final Measurements measured = Measurements.of(
                run().exitCode(3)
                        .resourceUsage(new ResourceUsage(Duration.ofMillis(1250), 4096, 2, 2))
                        .build(),
                POLICY);

        assertThat(measured.wallTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(measured.cpuSeconds()).isEqualTo(1.25);
        assertThat(measured.peakMemoryBytes()).isEqualTo(4096);
        assertThat(measured.exitCode()).isEqualTo(3);
        assertThat(measured.outputBytes()).isEqualTo(5);
        assertThat(measured.samples()).isEqualTo(2);
        assertThat(measured.limitHit()).isEqualTo(LimitHit.NONE);
    }

    @Test
    void engine_reported_kills_come_first_oom_before_timeout() {
        assertThat(Measurements.limitHit(run().oomKilled(true).timedOut(true).build(), POLICY))
                .isEqualTo(LimitHit.OOM_KILLED);
        assertThat(Measurements.limitHit(
                        run().timedOut(true).resourceUsage(BUSY).build(), POLICY))
                .isEqualTo(LimitHit.TIMEOUT);
    }

    @Test
    void a_sample_at_the_pids_limit_counts_before_truncated_output() {
        assertThat(Measurements.limitHit(
                        run().resourceUsage(BUSY).stdoutTruncated(true).build(), POLICY))
                .isEqualTo(LimitHit.PIDS_LIMIT);
        assertThat(Measurements.limitHit(run().stdoutTruncated(true).build(), POLICY))
                .isEqualTo(LimitHit.OUTPUT_LIMIT);
    }

    @Test
    void a_run_too_short_to_be_sampled_reports_zero_cpu_and_memory() {
        final Measurements measured = Measurements.of(run().build(), POLICY);

        assertThat(measured.samples()).isZero();
        assertThat(measured.cpuTime()).isZero();
        assertThat(measured.peakMemoryBytes()).isZero();
    }

    @Test
    void outcome_status_follows_limit_and_exit_code() {
        final GateDecision gate = GateDecision.accepted("sha256:" + "a".repeat(64));
        final CheckpointLog none = CheckpointLog.parse(new byte[0]);

        assertThat(JobOutcome.ran(gate, Measurements.of(run().build(), POLICY), none)
                        .status())
                .isEqualTo(JobOutcome.Status.SUCCEEDED);
        assertThat(JobOutcome.ran(gate, Measurements.of(run().exitCode(1).build(), POLICY), none)
                        .status())
                .isEqualTo(JobOutcome.Status.FAILED);
        assertThat(JobOutcome.ran(gate, Measurements.of(run().timedOut(true).build(), POLICY), none)
                        .status())
                .isEqualTo(JobOutcome.Status.LIMIT_EXCEEDED);
    }
}
