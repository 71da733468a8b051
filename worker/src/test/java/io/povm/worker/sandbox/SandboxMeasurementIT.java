// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.povm.api.ContainerConfig;
import io.povm.api.JobLimits;
import io.povm.api.SlaSpec;
import io.povm.api.VmTerms;
import io.povm.worker.job.LimitHit;
import io.povm.worker.job.Measurements;
import io.povm.worker.replica.ReplicaRequests;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a run used and which limits it ran under, on the real engine and kernel: CPU time and wall time exactly as
 * the cgroup and the engine say (issue 13, item 1), and every limit of the policy read back from the running
 * container's cgroup, with a job that exceeds one ending with the limit named (item 5). Fails, never skips, without
 * an engine or {@code povm/base:bookworm}.
 */
class SandboxMeasurementIT {
    private static final String IMAGE = "povm/base:bookworm";
    /** Busy-loop iterations of dash: about 2 s of CPU per million on this machine. */
    private static final int TWO_SECONDS = 1_000_000;

    private static final int FIFTH_OF_A_SECOND = 100_000;
    /**
     * The job's last step prints its own cgroup's CPU counter: cgroup v1 {@code cpuacct.usage} (ns), v2 {@code
     * cpu.stat usage_usec}. What runs after it (one exit) costs well under a millisecond.
     */
    private static final String PRINT_CGROUP_CPU = "f=/sys/fs/cgroup/cpuacct/cpuacct.usage;"
            + " if [ -r $f ]; then echo \"ns $(cat $f)\";"
            + " else while read k v; do [ \"$k\" = usage_usec ] && echo \"us $v\"; done < /sys/fs/cgroup/cpu.stat; fi";

    private static final Pattern CGROUP_CPU = Pattern.compile("(ns|us) (\\d+)\n");
    private static final SandboxPolicy POLICY =
            SandboxPolicy.builder().wallTime(Duration.ofSeconds(60)).build();

    private static DockerEngine engine;
    private static SandboxRunner runner;

    @BeforeAll
    static void requireEngineAndImage() {
        engine = DockerEngine.fromEnvironment();
        try {
            engine.ping();
        } catch (EngineUnavailableException e) {
            fail("the sandbox ITs need a real Docker engine: " + e.getMessage());
        }
        try {
            engine.client().inspectImageCmd(IMAGE).exec();
        } catch (NotFoundException e) {
            fail("the sandbox ITs need the image " + IMAGE + ": run scripts/build-base-image.sh");
        }
        runner = new SandboxRunner(
                engine, Map.of("io.povm.test-run", UUID.randomUUID().toString()));
        assertThat(runner.cgroups())
                .as("this machine (root, cgroupfs driver) measures from the cgroup")
                .isPresent();
    }

    @AfterEach
    void leaves_no_container_and_no_cgroup_behind() throws IOException {
        assertThat(engine.client()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(runner.labels())
                        .exec())
                .isEmpty();
        assertThat(parentsLeft())
                .as("parent cgroups %s*", runner.parentPrefix())
                .isEmpty();
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static List<String> parentsLeft() {
        return runner.cgroups().orElseThrow().parents(runner.parentPrefix());
    }

    private static String busyLoop(final int iterations) {
        return "i=0; while [ $i -lt " + iterations + " ]; do i=$((i+1)); done; ";
    }

    /** Runs a busy loop, then checks the attested figures against the cgroup's own counter and the engine's times. */
    private static Duration checkBusyRun(final int iterations, final String name) {
        final ContainerRun run =
                runner.run(IMAGE, List.of("sh", "-c", busyLoop(iterations) + PRINT_CGROUP_CPU), POLICY);

        assertThat(run.succeeded()).as(run.stderrTail()).isTrue();
        final Matcher printed = CGROUP_CPU.matcher(run.stdout());
        assertThat(printed.matches()).as("stdout %s", run.stdout()).isTrue();
        final long cgroupNanos = Long.parseLong(printed.group(2)) * ("us".equals(printed.group(1)) ? 1000 : 1);
        final ResourceUsage usage = run.resourceUsage();
        final long attestedNanos = usage.cpuTime().toNanos();
        final long tolerance = Math.max(cgroupNanos / 20, Duration.ofMillis(20).toNanos());
        System.out.printf(
                "%s: attested cpu %.3f ms, cgroup said %.3f ms at the job's last step (diff %+.3f ms, %.2f%%);"
                        + " wall %s = engine %s .. %s%n",
                name,
                attestedNanos / 1e6,
                cgroupNanos / 1e6,
                (attestedNanos - cgroupNanos) / 1e6,
                100.0 * (attestedNanos - cgroupNanos) / cgroupNanos,
                run.wallTime(),
                run.startedAt().orElseThrow(),
                run.finishedAt().orElseThrow());

        assertThat(usage.exact()).isTrue();
        assertThat(usage.samples()).isZero();
        assertThat(attestedNanos)
                .as("the attested CPU includes everything up to the last step, and little after it")
                .isBetween(cgroupNanos, cgroupNanos + tolerance);
        assertThat(usage.peakMemoryBytes()).isPositive();
        assertThat(run.wallTime())
                .isEqualTo(Duration.between(
                        run.startedAt().orElseThrow(), run.finishedAt().orElseThrow()));
        assertThat(run.wallTime())
                .as(
                        "one CPU at most: the wall time holds the CPU time, but for runc's set-up (charged before StartedAt)")
                .isGreaterThanOrEqualTo(usage.cpuTime().minus(Duration.ofMillis(100)));
        final Measurements measured = Measurements.of(run, POLICY);
        assertThat(measured.cpuTime()).isEqualTo(usage.cpuTime());
        assertThat(measured.wallTime()).isEqualTo(run.wallTime());
        assertThat(measured.limitHit()).isEqualTo(LimitHit.NONE);
        return usage.cpuTime();
    }

    @Test
    void a_two_second_busy_loop_attests_the_cgroups_cpu_time_and_the_engines_wall_time() {
        assertThat(checkBusyRun(TWO_SECONDS, "2 s job")).isGreaterThan(Duration.ofMillis(1000));
    }

    @Test
    void a_fifth_of_a_second_busy_loop_is_not_cpu_0_ms() {
        assertThat(checkBusyRun(FIFTH_OF_A_SECOND, "0.2 s job")).isGreaterThan(Duration.ofMillis(50));
    }

    @Test
    void even_a_trivial_command_has_exact_nonzero_cpu_and_memory() {
        final ContainerRun run = runner.run(IMAGE, List.of("true"), POLICY);

        assertThat(run.resourceUsage().exact()).isTrue();
        assertThat(run.resourceUsage().cpuTime()).isPositive();
        assertThat(run.resourceUsage().peakMemoryBytes()).isPositive();
    }

    /** Runs {@code sleep} under {@code policy} and, while it runs, reads its limits from the engine and the cgroup. */
    private static Applied appliedLimits(final SandboxPolicy policy) throws Exception {
        final CompletableFuture<ContainerRun> running =
                CompletableFuture.supplyAsync(() -> runner.run(IMAGE, List.of("sleep", "3"), policy));
        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                final List<Container> found = engine.client()
                        .listContainersCmd()
                        .withLabelFilter(runner.labels())
                        .withStatusFilter(List.of("running"))
                        .exec();
                if (!found.isEmpty()) {
                    final String id = found.get(0).getId();
                    final InspectContainerResponse inspected =
                            engine.client().inspectContainerCmd(id).exec();
                    final String parent =
                            inspected.getHostConfig().getCgroupParent().substring(1);
                    final CgroupUsage cgroups = runner.cgroups().orElseThrow();
                    return new Applied(inspected, parent, cgroups.pidsMax(parent, id), cgroups.cpuQuota(parent, id));
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the container never ran");
        } finally {
            assertThat(running.get().succeeded()).isTrue();
        }
    }

    private record Applied(
            InspectContainerResponse inspected, String parent, long pidsMax, CgroupUsage.CpuQuota cpuQuota) {}

    /** An SLA of half a core, 128 MiB, {@code diskMiB} of disk and {@code pidsLimit} processes. */
    private static SlaSpec sla(final int diskMiB, final int pidsLimit) {
        return new SlaSpec(
                "tight",
                1,
                VmTerms.builder()
                        .cpuMillis(500)
                        .memoryMiB(128)
                        .diskMiB(diskMiB)
                        .maxWallSeconds(30)
                        .pidsLimit(pidsLimit)
                        .build(),
                new JobLimits(1024, 4096));
    }

    @Test
    void the_slas_pids_limit_cpu_and_memory_are_what_the_running_containers_cgroup_enforces() throws Exception {
        final SlaSpec sla = sla(1, 23);
        final ContainerConfig config = ContainerConfig.forSla(sla);

        final Applied applied = appliedLimits(ReplicaRequests.limits(sla));

        assertThat(applied.parent()).startsWith(runner.parentPrefix());
        assertThat(applied.inspected().getHostConfig().getPidsLimit())
                .isEqualTo(23L)
                .isEqualTo(config.pidsLimit());
        assertThat(applied.pidsMax()).isEqualTo(23L);
        assertThat(applied.cpuQuota().nanoCpus()).isEqualTo(500_000_000L).isEqualTo(config.nanoCpus());
        assertThat(applied.inspected().getHostConfig().getMemory()).isEqualTo(config.memoryBytes());
        assertThat(applied.inspected().getHostConfig().getTmpFs())
                .containsEntry("/tmp", "rw,noexec,nosuid,nodev,mode=1777,size=" + config.diskBytes());
        System.out.printf("read back: pids.max %d, cpu quota %s%n", applied.pidsMax(), applied.cpuQuota());
    }

    @Test
    void a_fork_bomb_ends_with_the_pids_limit_named() {
        final SandboxPolicy policy = ReplicaRequests.limits(sla(1, 12));
        final ContainerRun run = runner.run(
                IMAGE, List.of("sh", "-c", "for i in $(seq 1 40); do sleep 2 & done; wait; echo survived"), policy);

        assertThat(run.stdout()).isEmpty();
        assertThat(Measurements.of(run, policy).limitHit()).isEqualTo(LimitHit.PIDS_LIMIT);
    }

    @Test
    void a_refused_fork_is_counted_by_the_pids_cgroup_even_when_the_job_carries_on() {
        final SandboxPolicy policy = POLICY.toBuilder().pidsLimit(12).build();
        final ContainerRun run = runner.run(
                IMAGE,
                List.of("sh", "-c", "(for i in $(seq 1 40); do sleep 2 & done) 2>/dev/null; sleep 1; echo survived"),
                policy);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("survived\n");
        assertThat(run.resourceUsage().forkFailures())
                .as("pids.events max of the container's cgroup")
                .isPositive();
        assertThat(Measurements.of(run, policy).limitHit()).isEqualTo(LimitHit.PIDS_LIMIT);
    }

    @Test
    void writing_more_than_the_slas_disk_fails_and_names_the_disk_limit() {
        final SandboxPolicy policy = ReplicaRequests.limits(sla(1, 64));
        assertThat(policy.tmpfsBytes()).isEqualTo(1024 * 1024);

        final ContainerRun within =
                runner.run(IMAGE, List.of("sh", "-c", "head -c 900000 /dev/zero > /tmp/fill && echo ok"), policy);
        assertThat(within.stdout()).isEqualTo("ok\n");
        assertThat(Measurements.of(within, policy).limitHit()).isEqualTo(LimitHit.NONE);

        final ContainerRun beyond =
                runner.run(IMAGE, List.of("sh", "-c", "head -c 2000000 /dev/zero > /tmp/fill && echo ok"), policy);
        assertThat(beyond.exitCode()).isNotZero();
        assertThat(beyond.stdout()).isEmpty();
        assertThat(beyond.stderrTail()).contains("No space left on device");
        assertThat(Measurements.of(beyond, policy).limitHit()).isEqualTo(LimitHit.DISK_LIMIT);
    }

    @Test
    void with_no_disk_nothing_is_writable() {
        final SandboxPolicy policy = ReplicaRequests.limits(sla(0, 64));

        final ContainerRun run =
                runner.run(IMAGE, List.of("sh", "-c", "echo x > /tmp/fill && echo written || echo refused"), policy);

        assertThat(run.stdout()).isEqualTo("refused\n");
    }

    @Test
    void remove_leftovers_removes_the_parent_cgroups_a_crashed_run_left() throws IOException {
        final CgroupUsage cgroups = runner.cgroups().orElseThrow();
        final String crashed = runner.parentPrefix() + "crashed";
        cgroups.create(crashed);
        assertThat(parentsLeft()).isNotEmpty();

        runner.removeLeftovers();

        assertThat(parentsLeft()).isEmpty();
    }
}
