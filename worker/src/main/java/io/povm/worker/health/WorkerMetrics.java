// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.health;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * The daemon's Prometheus metrics, in a registry of their own (so tests and several daemons in one JVM do not
 * share them). Slot gauges read the {@link StatusBoard}, so they cannot drift from {@code /healthz}.
 *
 * <table>
 *   <caption>Metrics</caption>
 *   <tr><td>{@code povm_worker_jobs_run_total}</td><td>counter: replicas run to a result</td></tr>
 *   <tr><td>{@code povm_worker_job_failures_total{reason}}</td><td>counter: replicas that failed, by reason</td></tr>
 *   <tr><td>{@code povm_worker_reports_submitted_total}</td><td>counter: results the ledger confirmed</td></tr>
 *   <tr><td>{@code povm_worker_report_retries_total}</td><td>counter: report submissions tried again</td></tr>
 *   <tr><td>{@code povm_worker_slots_used}, {@code povm_worker_slots_capacity}</td><td>gauges (a gauge may not end in _total)</td></tr>
 *   <tr><td>{@code povm_worker_queue_lag_seconds}</td><td>histogram: event commit to replica start</td></tr>
 * </table>
 */
public final class WorkerMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter jobsRun;
    private final Counter jobFailures;
    private final Counter reportsSubmitted;
    private final Counter reportRetries;
    private final Histogram queueLag;

    public WorkerMetrics(final StatusBoard board) {
        Objects.requireNonNull(board, "board");
        jobsRun = Counter.builder()
                .name("povm_worker_jobs_run")
                .help("Replicas this worker ran to a result")
                .register(registry);
        jobFailures = Counter.builder()
                .name("povm_worker_job_failures")
                .help("Replicas that failed, by reason (e.g. timeout, oom, image_denied, engine)")
                .labelNames("reason")
                .register(registry);
        reportsSubmitted = Counter.builder()
                .name("povm_worker_reports_submitted")
                .help("Results the ledger confirmed")
                .register(registry);
        reportRetries = Counter.builder()
                .name("povm_worker_report_retries")
                .help("Report submissions tried again after a failure")
                .register(registry);
        GaugeWithCallback.builder()
                .name("povm_worker_slots_used")
                .help("Slots running a replica now")
                .callback(cb -> cb.call(board.snapshot().slotsUsed()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("povm_worker_slots_capacity")
                .help("Slots this worker offers")
                .callback(cb -> cb.call(board.snapshot().slotsTotal()))
                .register(registry);
        queueLag = Histogram.builder()
                .name("povm_worker_queue_lag_seconds")
                .help("Seconds from the assignment event's block commit to the replica's start")
                .classicOnly()
                .classicUpperBounds(0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600)
                .withoutExemplars()
                .register(registry);
    }

    public void jobRun() {
        jobsRun.inc();
    }

    /** @param reason a short, bounded label such as {@code timeout}; never job input */
    public void jobFailed(final String reason) {
        jobFailures.labelValues(Objects.requireNonNull(reason, "reason")).inc();
    }

    public void reportSubmitted() {
        reportsSubmitted.inc();
    }

    public void reportRetried() {
        reportRetries.inc();
    }

    /** A replica started {@code lag} after its assignment event's block was committed. */
    public void queueLag(final Duration lag) {
        queueLag.observe(Math.max(0, lag.toNanos()) / 1e9);
    }

    PrometheusRegistry registry() {
        return registry;
    }
}
