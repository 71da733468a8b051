/**
 * Runs one job: the {@link io.povm.worker.job.ImageGate} checks the pinned image against the organisation's
 * allow and deny lists and the engine, the inline inputs are staged read-only at {@code /povm/in}, the command runs
 * in the sandbox under the SLA's limits, and the {@link io.povm.worker.job.JobOutcome} carries the result hash, the
 * {@link io.povm.worker.job.Measurements} and the Merkle root of the job's checkpoints.
 */
package io.povm.worker.job;
