/**
 * The daemon's health and metrics: the immutable {@link io.povm.worker.health.WorkerStatus} snapshot, the one
 * mutable {@link io.povm.worker.health.StatusBoard} the daemon updates, {@link io.povm.worker.health.WorkerMetrics}
 * (Prometheus) and the {@link io.povm.worker.health.HealthServer} serving {@code /healthz} and {@code /metrics}.
 */
package io.povm.worker.health;
