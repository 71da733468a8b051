// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.worker.WorkerMain;
import io.povm.worker.daemon.DaemonStartException;
import io.povm.worker.daemon.WorkerDaemon;
import io.povm.worker.health.DaemonState;
import io.povm.worker.health.HealthServer;
import io.povm.worker.health.StatusBoard;
import io.povm.worker.health.WorkerMetrics;
import io.povm.worker.health.WorkerStatus;
import io.povm.worker.journal.ReplicaId;
import io.povm.worker.journal.ReportJournal;
import io.povm.worker.testing.WorkerFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WorkerMainTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CountDownLatch stop = new CountDownLatch(1);
    private CliEnvironment environment =
            new CliEnvironment(Map.of(), Clock.fixed(NOW, ZoneOffset.UTC), ctx -> new NoOpDaemon(), () -> stop);

    private static class NoOpDaemon implements WorkerDaemon {
        @Override
        public void start() {}

        @Override
        public void drain(final Duration timeout) {}
    }

    private int run(final String... args) {
        final CommandLine cli = WorkerMain.commandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void help_lists_the_commands_and_exit_codes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("start", "status", "Exit codes:", "6  status: the daemon is DRAINING");
    }

    @Test
    void every_command_has_help() {
        assertThat(run("start", "--help")).isZero();
        assertThat(run("status", "--help")).isZero();
        assertThat(out.toString()).contains("--config=FILE", "--url=URL", "-o, --output=FORMAT");
    }

    @Test
    void no_command_is_a_usage_error() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Usage: povm-worker");
    }

    @Test
    void unknown_option_is_a_usage_error() {
        assertThat(run("status", "--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
    }

    @Test
    void start_needs_a_config() {
        assertThat(run("start")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing required option: '--config=FILE'");
    }

    @Test
    void status_takes_url_or_config_not_both() {
        assertThat(run("status", "--url", "http://127.0.0.1:1", "--config", "x.yaml"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void start_with_an_invalid_config_names_the_key_and_exits_3() {
        final Path config = WorkerFiles.config(dir, "slots: 0\n");

        assertThat(run("start", "--config", config.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(err.toString()).contains("slots: 0 is out of range", "accepted: a whole number from 1 to 256");
    }

    @Test
    void start_runs_until_the_stop_signal_then_exits_0() {
        stop.countDown();
        final Path config = WorkerFiles.config(dir, "health: {port: 0}\n");

        assertThat(run("start", "--config", config.toString())).isZero();
    }

    @Test
    void start_on_a_data_dir_another_worker_holds_exits_4() {
        final Path config = WorkerFiles.config(dir, "health: {port: 0}\n");
        try (ReportJournal held = ReportJournal.open(dir.resolve("data/reports.journal"), Clock.systemUTC())) {
            assertThat(run("start", "--config", config.toString())).isEqualTo(ExitCodes.ENVIRONMENT);
        }
        assertThat(err.toString()).contains("must not share a data directory");
    }

    @Test
    void start_refused_by_the_daemon_prints_the_reason_without_a_stack_trace_and_exits_4() {
        environment = environment.withDaemons(ctx -> new NoOpDaemon() {
            @Override
            public void start() {
                throw new DaemonStartException("no Docker engine answers at unix:///var/run/docker.sock"
                        + " (No such file or directory); start one with scripts/setup-docker.sh or set DOCKER_HOST");
            }
        });
        final Path config = WorkerFiles.config(dir, "health: {port: 0}\n");

        assertThat(run("start", "--config", config.toString())).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(err.toString())
                .startsWith("cannot start: no Docker engine answers at unix:///var/run/docker.sock")
                .contains("scripts/setup-docker.sh")
                .doesNotContain("\tat ");
    }

    @Test
    void status_of_an_unreachable_daemon_says_so_and_exits_5() {
        final int port = WorkerFiles.freePort();

        assertThat(run("status", "--url", "http://127.0.0.1:" + port)).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString())
                .contains("no worker daemon answered at http://127.0.0.1:" + port + "/healthz", "is it running?");
    }

    @Test
    void status_with_a_config_whose_health_endpoint_is_off_is_a_usage_error() {
        final Path config = WorkerFiles.config(dir, "health: {port: 0}\n");

        assertThat(run("status", "--config", config.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("health endpoint of Org1MSP/w1 is off");
    }

    @Test
    void status_prints_a_summary_of_a_running_daemon() throws Exception {
        final StatusBoard board = new StatusBoard(
                WorkerStatus.starting("Org1MSP/w1", 2), Clock.fixed(NOW.minusSeconds(125), ZoneOffset.UTC));
        board.state(DaemonState.UP);
        board.replicaStarted(ReplicaId.of("job-a", 1));
        board.eventSeen(17);
        try (HealthServer server =
                HealthServer.start(new InetSocketAddress("127.0.0.1", 0), board, new WorkerMetrics(board))) {
            final Path config =
                    WorkerFiles.config(dir, "health: {port: " + server.address().getPort() + "}\n");

            assertThat(run("status", "--config", config.toString())).isZero();
        }

        assertThat(out.toString())
                .contains("worker      Org1MSP/w1", "status      UP", "slots       1/2 used", "last event  block 17")
                .contains("heartbeat   none yet", "running     job-a#1 since 2026-01-01T00:07:55Z (2m 5s)");
    }

    @Test
    void status_json_prints_the_body_and_exits_6_while_draining() throws Exception {
        final StatusBoard board = new StatusBoard(WorkerStatus.starting("Org1MSP/w1", 1), Clock.systemUTC());
        board.state(DaemonState.DRAINING);
        try (HealthServer server =
                HealthServer.start(new InetSocketAddress("127.0.0.1", 0), board, new WorkerMetrics(board))) {
            final String url = "http://127.0.0.1:" + server.address().getPort();

            assertThat(run("status", "--url", url, "-o", "json")).isEqualTo(ExitCodes.NOT_UP);
        }
        assertThat(out.toString()).startsWith("{\"status\":\"DRAINING\",\"worker\":\"Org1MSP/w1\"");
    }
}
