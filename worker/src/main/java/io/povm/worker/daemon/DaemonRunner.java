// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import io.povm.worker.config.WorkerConfig;
import io.povm.worker.health.DaemonState;
import io.povm.worker.health.HealthServer;
import io.povm.worker.health.StatusBoard;
import io.povm.worker.health.WorkerMetrics;
import io.povm.worker.health.WorkerStatus;
import io.povm.worker.journal.ReportJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one daemon from start to stop: opens the journal, starts the health endpoint, starts the {@link
 * WorkerDaemon}, marks the board UP and waits for the stop signal; then DRAINING, {@link WorkerDaemon#drain}, DOWN,
 * and closes what it opened.
 */
public final class DaemonRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonRunner.class);

    private final WorkerConfig config;
    private final WorkerDaemonFactory factory;
    private final Clock clock;

    public DaemonRunner(final WorkerConfig config, final WorkerDaemonFactory factory, final Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs until {@code stop} reaches zero, then drains.
     *
     * @throws io.povm.worker.journal.JournalException when the journal cannot be opened (e.g. another daemon holds it)
     * @throws UncheckedIOException when the health endpoint cannot bind its port
     * @throws InterruptedException when the waiting thread is interrupted (nothing is drained then)
     */
    public void run(final CountDownLatch stop) throws InterruptedException {
        final StatusBoard board = new StatusBoard(
                WorkerStatus.starting(config.workerKey(), config.slots())
                        .withFaultyMode(config.faultyMode().configName()),
                clock);
        final WorkerMetrics metrics = new WorkerMetrics(board);
        LOG.info("starting {}", config);
        try (ReportJournal journal = ReportJournal.open(config.journalFile(), clock)) {
            final Optional<HealthServer> health = startHealth(board, metrics);
            try {
                final WorkerDaemon daemon = factory.create(new DaemonContext(config, journal, board, metrics, clock));
                daemon.start();
                board.state(DaemonState.UP);
                LOG.info("ready: {} with {} slot(s)", config.workerKey(), config.slots());
                stop.await();
                board.state(DaemonState.DRAINING);
                LOG.info(
                        "draining: waiting up to {}s for running replicas",
                        config.drainTimeout().toSeconds());
                daemon.drain(config.drainTimeout());
                board.state(DaemonState.DOWN);
                LOG.info("stopped");
            } finally {
                health.ifPresent(HealthServer::close);
            }
        }
    }

    private Optional<HealthServer> startHealth(final StatusBoard board, final WorkerMetrics metrics) {
        if (config.healthPort().isEmpty()) {
            LOG.info("health endpoint off (health.port: 0)");
            return Optional.empty();
        }
        final InetSocketAddress address = new InetSocketAddress(
                config.healthAddress(), config.healthPort().get());
        try {
            return Optional.of(HealthServer.start(address, board, metrics));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot serve health on " + address.getHostString() + ":" + address.getPort() + ": "
                            + e.getMessage() + " (is another worker using it? set health.port)",
                    e);
        }
    }
}
