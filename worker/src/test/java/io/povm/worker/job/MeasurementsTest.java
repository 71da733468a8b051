// SPDX-License-Identifier: Apache-2.0
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
    void a_run_shorter_than_a_millisecond_is_attested_as_1_ms_and_whole_milliseconds_stay_as_they_are() {
        assertThat(Measurements.of(run().wallTime(Duration.ofNanos(400_000)).build(), POLICY)
                        .wallMillis())
                .isEqualTo(1);
        assertThat(Measurements.of(
                                run().wallTime(Duration.ofNanos(2_000_000_001)).build(), POLICY)
                        .wallMillis())
                .isEqualTo(2001);
        assertThat(Measurements.of(run().build(), POLICY).wallMillis()).isEqualTo(2000);
        assertThat(Measurements.of(run().wallTime(Duration.ZERO).build(), POLICY)
                        .wallMillis())
                .isZero();
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
    void a_refused_fork_counted_by_the_pids_cgroup_is_a_pids_limit_hit() {
        final ResourceUsage refused = ResourceUsage.exact(Duration.ofMillis(30), 4096, 3, 1);

        assertThat(Measurements.limitHit(
                        run().exitCode(2).resourceUsage(refused).build(), POLICY))
                .isEqualTo(LimitHit.PIDS_LIMIT);
    }

    @Test
    void a_failed_run_whose_shell_could_not_fork_hit_the_pids_limit() {
        assertThat(Measurements.limitHit(
                        run().exitCode(2).stderrTail("sh: 0: Cannot fork\n").build(), POLICY))
                .isEqualTo(LimitHit.PIDS_LIMIT);
        assertThat(Measurements.limitHit(
                        run().exitCode(1)
                                .stderrTail("BlockingIOError: [Errno 11] Resource temporarily unavailable\n"
                                        + "  os.fork()\n")
                                .build(),
                        POLICY))
                .as("only with the word fork on the same line")
                .isEqualTo(LimitHit.NONE);
        assertThat(Measurements.limitHit(
                        run().exitCode(1)
                                .stderrTail("bash: fork: retry: Resource temporarily unavailable\n")
                                .build(),
                        POLICY))
                .isEqualTo(LimitHit.PIDS_LIMIT);
    }

    @Test
    void a_failed_run_that_found_no_space_left_hit_the_disk_limit() {
        assertThat(Measurements.limitHit(
                        run().exitCode(1)
                                .stderrTail("dd: error writing '/tmp/fill': No space left on device\n")
                                .stdoutTruncated(true)
                                .build(),
                        POLICY))
                .isEqualTo(LimitHit.DISK_LIMIT);
        assertThat(Measurements.limitHit(
                        run().exitCode(0)
                                .stderrTail("No space left on device, retried elsewhere\n")
                                .build(),
                        POLICY))
                .as("a job that recovered did not stop at the limit")
                .isEqualTo(LimitHit.NONE);
    }

    @Test
    void exact_usage_is_marked_exact_without_samples() {
        final Measurements measured = Measurements.of(
                run().resourceUsage(ResourceUsage.exact(Duration.ofMillis(204), 4096, 1, 0))
                        .build(),
                POLICY);

        assertThat(measured.exact()).isTrue();
        assertThat(measured.samples()).isZero();
        assertThat(measured.cpuTime()).isEqualTo(Duration.ofMillis(204));
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
