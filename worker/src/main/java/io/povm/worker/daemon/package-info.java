/**
 * The daemon's lifecycle and its seam: {@link io.povm.worker.daemon.DaemonRunner} owns journal, status board,
 * metrics and health endpoint and drives a {@link io.povm.worker.daemon.WorkerDaemon} (start, then drain on stop),
 * made by a {@link io.povm.worker.daemon.WorkerDaemonFactory} from a {@link io.povm.worker.daemon.DaemonContext}.
 */
package io.povm.worker.daemon;
