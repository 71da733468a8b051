// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import io.povm.worker.config.WorkerConfig;
import io.povm.worker.health.StatusBoard;
import io.povm.worker.health.WorkerMetrics;
import io.povm.worker.journal.ReportJournal;
import java.time.Clock;
import java.util.Objects;

/**
 * What a {@link WorkerDaemon} works with, owned by the {@link DaemonRunner}: the checked configuration, the open
 * report journal, the status board to keep current, the metrics to count in and the clock to read time from.
 */
public final class DaemonContext {
    private final WorkerConfig config;
    private final ReportJournal journal;
    private final StatusBoard board;
    private final WorkerMetrics metrics;
    private final Clock clock;

    public DaemonContext(
            final WorkerConfig config,
            final ReportJournal journal,
            final StatusBoard board,
            final WorkerMetrics metrics,
            final Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.board = Objects.requireNonNull(board, "board");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public WorkerConfig config() {
        return config;
    }

    public ReportJournal journal() {
        return journal;
    }

    public StatusBoard board() {
        return board;
    }

    public WorkerMetrics metrics() {
        return metrics;
    }

    public Clock clock() {
        return clock;
    }
}
