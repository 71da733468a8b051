// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs real containers on the local engine from {@code povm/base:bookworm}. Fails, never skips, when either is
 * missing: run {@code scripts/setup-docker.sh} and {@code scripts/build-base-image.sh} first.
 */
class SandboxRunnerIT {
    private static final String IMAGE = "povm/base:bookworm";
    private static final SandboxPolicy POLICY = SandboxPolicy.builder()
            .memoryBytes(64L * 1024 * 1024)
            .wallTime(Duration.ofSeconds(20))
            .build();
    /** Labels this test run's containers, so that a sandbox running elsewhere on the engine does not disturb it. */
    private static final Map<String, String> TEST_RUN =
            Map.of("io.povm.test-run", UUID.randomUUID().toString());

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
    }

    @AfterEach
    void leaves_no_container_behind() {
        assertThat(engine.client()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(runner.labels())
                        .exec())
                .as("containers labelled %s", runner.labels())
                .isEmpty();
        assertThat(runner.cgroups().orElseThrow().parents(runner.parentPrefix()))
                .as("parent cgroups, also after a failed run")
                .isEmpty();
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static ContainerRun run(final String... command) {
        return runner.run(IMAGE, List.of(command), POLICY);
    }

    private static ContainerRun shell(final String script) {
        return run("sh", "-c", script);
    }

    @Test
    void echo_exits_0_and_returns_its_stdout() {
        final ContainerRun run = run("echo", "hello sandbox");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("hello sandbox\n");
        assertThat(run.stderrTail()).isEmpty();
        assertThat(run.succeeded()).isTrue();
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void exit_code_and_stderr_are_reported() {
        final ContainerRun run = shell("echo partial; echo 'something broke' >&2; exit 3");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout()).isEqualTo("partial\n");
        assertThat(run.stderrTail()).isEqualTo("something broke\n");
        assertThat(run.succeeded()).isFalse();
    }

    @Test
    void has_only_loopback_and_cannot_reach_out() {
        final ContainerRun run = shell("ls /sys/class/net; python3 -c '"
                + "import socket\n"
                + "s = socket.socket()\n"
                + "s.settimeout(2)\n"
                + "try:\n"
                + "    s.connect((\"1.1.1.1\", 53))\n"
                + "    print(\"connected\")\n"
                + "except OSError as e:\n"
                + "    print(\"blocked\", e.errno)\n"
                + "'");

        assertThat(run.stdout()).isEqualTo("lo\nblocked 101\n");
    }

    @Test
    void root_file_system_is_read_only_and_tmp_is_writable_but_not_executable() {
        final ContainerRun run = shell("touch /probe 2>/dev/null && echo root-writable || echo root-read-only;"
                + " echo data > /tmp/probe && cat /tmp/probe;"
                + " cp /bin/true /tmp/true && /tmp/true 2>/dev/null && echo tmp-exec || echo tmp-noexec");

        assertThat(run.stdout()).isEqualTo("root-read-only\ndata\ntmp-noexec\n");
    }

    @Test
    void runs_as_nobody_without_capabilities_or_new_privileges_under_seccomp() {
        final ContainerRun run =
                shell("id -u; id -g; grep -E '^(CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status");

        assertThat(run.stdout())
                .isEqualTo("65534\n65534\n"
                        + "CapEff:\t0000000000000000\n"
                        + "CapBnd:\t0000000000000000\n"
                        + "NoNewPrivs:\t1\n"
                        + "Seccomp:\t2\n");
    }

    @Test
    void command_past_its_wall_time_is_killed_and_reported_timed_out() {
        final SandboxPolicy oneSecond =
                POLICY.toBuilder().wallTime(Duration.ofSeconds(1)).build();

        final ContainerRun run = runner.run(IMAGE, List.of("sleep", "30"), oneSecond);

        assertThat(run.timedOut()).isTrue();
        assertThat(run.exitCode()).isEqualTo(137);
        assertThat(run.wallTime()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(run.succeeded()).isFalse();
    }

    @Test
    void memory_hog_is_oom_killed() {
        final ContainerRun run = run("python3", "-c", "x = b'x' * (256 << 20)");

        assertThat(run.oomKilled()).isTrue();
        assertThat(run.exitCode()).isEqualTo(137);
        assertThat(run.timedOut()).isFalse();
        assertThat(run.succeeded()).isFalse();
    }

    @Test
    void process_limit_stops_a_fork_bomb() {
        final SandboxPolicy eightProcesses = POLICY.toBuilder().pidsLimit(8).build();

        final ContainerRun run = runner.run(
                IMAGE, List.of("sh", "-c", "for i in $(seq 20); do sleep 1 & done; wait; echo done"), eightProcesses);

        assertThat(run.stderrTail()).containsIgnoringCase("fork");
    }

    @Test
    void stdout_beyond_the_limit_is_cut_and_flagged() {
        final SandboxPolicy smallOutput =
                POLICY.toBuilder().stdoutLimitBytes(1000).build();

        final ContainerRun run = runner.run(IMAGE, List.of("python3", "-c", "print('x' * 100000)"), smallOutput);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).hasSize(1000).containsOnlyOnce("x".repeat(1000));
        assertThat(run.stdoutTruncated()).isTrue();
        assertThat(run.succeeded()).isFalse();
    }

    /** Hostile jobs (issue 17): what a job tries against the host ends inside its container, and the next runs. */
    @Test
    void a_file_on_the_host_is_not_in_the_containers_view() throws IOException {
        final Path marker = Files.createTempFile("povm-hostile-", ".marker");
        try {
            final ContainerRun run = shell("for p in " + marker + " /proc/1/root" + marker + " /host" + marker
                    + "; do test -e $p && echo seen $p; done; echo done");

            assertThat(run.stdout()).isEqualTo("done\n");
        } finally {
            Files.delete(marker);
        }
    }

    @Test
    void mounting_a_file_system_is_refused() {
        final ContainerRun run = shell("mkdir -p /tmp/m; mount -t tmpfs none /tmp/m 2>&1 && echo mounted;"
                + " mount -t proc proc /tmp/m 2>/dev/null && echo proc-mounted; echo done");

        assertThat(run.stdout()).doesNotContain("mounted").endsWith("done\n");
    }

    @Test
    void raw_devices_and_kernel_memory_cannot_be_opened() {
        final ContainerRun run = shell("for d in /dev/mem /dev/kmem /dev/sda /dev/vda /dev/nvme0n1 /dev/port; do"
                + " head -c 1 $d >/dev/null 2>&1 && echo read $d; done; ls /dev | tr '\\n' ' '; echo");

        assertThat(run.stdout()).doesNotContain("read /dev/");
        assertThat(run.stdout().trim().split(" "))
                .as("only the engine's minimal /dev")
                .doesNotContain("mem", "kmem", "sda", "vda", "nvme0n1", "port");
    }

    @Test
    void a_compression_bomb_is_stopped_by_the_disk_limit_and_the_next_job_runs_normally() {
        final SandboxPolicy smallDisk =
                POLICY.toBuilder().tmpfsBytes(4L * 1024 * 1024).build();

        final ContainerRun bomb = runner.run(
                IMAGE,
                List.of(
                        "sh",
                        "-c",
                        "head -c 64000000 /dev/zero | gzip -1 > /tmp/bomb.gz 2>/dev/null;"
                                + " ls -s /tmp/bomb.gz; gunzip -c /tmp/bomb.gz > /tmp/out 2>&1; echo gunzip $?"),
                smallDisk);
        final ContainerRun next = run("echo", "next");

        assertThat(bomb.stdout()).contains("gunzip 1");
        assertThat(bomb.exitCode()).isZero();
        assertThat(next.exitCode()).isZero();
        assertThat(next.stdout()).isEqualTo("next\n");
    }

    @Test
    void a_run_longer_than_the_response_timeout_completes() {
        try (DockerEngine impatient =
                DockerEngine.connect(engine.host(), Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            final ContainerRun run = new SandboxRunner(impatient, TEST_RUN)
                    .run(IMAGE, List.of("sh", "-c", "sleep 2; echo late"), POLICY);

            assertThat(run.stdout()).isEqualTo("late\n");
            assertThat(run.succeeded()).isTrue();
        }
    }

    @Test
    void missing_image_is_reported_by_name() {
        assertThatThrownBy(() -> runner.run("povm/no-such-image:none", List.of("true"), POLICY))
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessageStartingWith("image 'povm/no-such-image:none' is not in the Docker engine")
                .extracting(e -> ((ImageNotFoundException) e).image())
                .isEqualTo("povm/no-such-image:none");
    }

    @Test
    void a_command_missing_from_the_image_is_a_run_that_exited_127_as_docker_run_says() {
        final ContainerRun run = run("no-such-program");

        assertThat(run.exitCode()).isEqualTo(127);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderrTail()).contains("not found in the image");
        assertThat(run.wallTime()).isZero();
    }

    @Test
    void a_file_in_the_image_that_is_not_executable_is_a_run_that_exited_126() {
        final ContainerRun run = run("/etc/hostname");

        assertThat(run.exitCode()).isEqualTo(126);
        assertThat(run.stderrTail()).contains("not executable");
    }

    @Test
    void remove_leftovers_removes_containers_a_crashed_run_left() {
        engine.client()
                .createContainerCmd(IMAGE)
                .withCmd("true")
                .withLabels(runner.labels())
                .exec();

        assertThat(runner.removeLeftovers()).isEqualTo(1);
    }
}
