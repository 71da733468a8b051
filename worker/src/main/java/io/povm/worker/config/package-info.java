/**
 * The worker daemon's configuration: a YAML file, {@code POVM_WORKER_*} environment overrides and an optional
 * connection profile, checked into an immutable {@link io.povm.worker.config.WorkerConfig}.
 *
 * <pre>{@code
 * try {
 *     WorkerConfig config = WorkerConfig.load(Path.of("worker.yaml"), System.getenv());
 * } catch (ConfigException e) {
 *     e.problems();   // every problem: key, origin, what was wrong, what is accepted
 * }
 * }</pre>
 */
package io.povm.worker.config;
