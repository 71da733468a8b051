// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.worker.config.WorkerConfig;
import io.povm.worker.health.DaemonState;
import io.povm.worker.journal.JournalException;
import io.povm.worker.journal.ReplicaId;
import io.povm.worker.journal.ReportJournal;
import io.povm.worker.testing.WorkerFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonRunnerTest {
    @TempDir
    Path dir;

    /** Records the calls and what the board and /healthz said at each. */
    private static final class RecordingDaemon implements WorkerDaemon {
        final DaemonContext context;
        final List<String> calls = new ArrayList<>();
        final CountDownLatch stop;
        String healthzWhileDraining = "";

        RecordingDaemon(final DaemonContext context, final CountDownLatch stop) {
            this.context = context;
            this.stop = stop;
        }

        @Override
        public void start() {
            calls.add("start " + context.board().snapshot().state());
            stop.countDown(); // a SIGTERM right after start
        }

        @Override
        public void drain(final Duration timeout) {
            calls.add("drain " + timeout + " " + context.board().snapshot().state());
            context.config().healthPort().ifPresent(port -> healthzWhileDraining = get(port));
        }
    }

    private static String get(final int port) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void starts_the_daemon_then_drains_it_on_stop_with_the_drain_timeout() throws Exception {
        final int port = WorkerFiles.freePort();
        final WorkerConfig config = WorkerConfig.load(
                WorkerFiles.config(dir, "drain-timeout: 45s\nhealth: {port: " + port + "}\n"), Map.of());
        final CountDownLatch stop = new CountDownLatch(1);
        final List<RecordingDaemon> made = new ArrayList<>();

        new DaemonRunner(config, ctx -> add(made, new RecordingDaemon(ctx, stop)), Clock.systemUTC()).run(stop);

        final RecordingDaemon daemon = made.get(0);
        assertThat(daemon.calls).containsExactly("start DOWN", "drain PT45S DRAINING");
        assertThat(daemon.healthzWhileDraining).contains("\"status\":\"DRAINING\"", "\"worker\":\"Org1MSP/w1\"");
        assertThat(daemon.context.board().snapshot().state()).isEqualTo(DaemonState.DOWN);
    }

    @Test
    void gives_the_daemon_the_open_journal_and_closes_it_after() throws Exception {
        final WorkerConfig config = WorkerConfig.load(WorkerFiles.config(dir, "health: {port: 0}\n"), Map.of());
        final CountDownLatch stop = new CountDownLatch(1);
        final List<RecordingDaemon> made = new ArrayList<>();

        new DaemonRunner(
                        config,
                        ctx -> {
                            ctx.journal().accept(ReplicaId.of("job-a", 0));
                            return add(made, new RecordingDaemon(ctx, stop));
                        },
                        Clock.systemUTC())
                .run(stop);

        try (ReportJournal journal = ReportJournal.open(config.journalFile(), Clock.systemUTC())) {
            assertThat(journal.pendingWork().accepted()).hasSize(1);
        }
    }

    @Test
    void refuses_to_start_on_a_journal_another_worker_holds() throws Exception {
        final WorkerConfig config = WorkerConfig.load(WorkerFiles.config(dir, "health: {port: 0}\n"), Map.of());

        try (ReportJournal held = ReportJournal.open(config.journalFile(), Clock.systemUTC())) {
            assertThatThrownBy(() -> new DaemonRunner(
                                    config,
                                    ctx -> {
                                        throw new AssertionError("no daemon without a journal");
                                    },
                                    Clock.systemUTC())
                            .run(new CountDownLatch(0)))
                    .isInstanceOf(JournalException.class);
        }
    }

    private static RecordingDaemon add(final List<RecordingDaemon> made, final RecordingDaemon daemon) {
        made.add(daemon);
        return daemon;
    }
}
