// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import java.time.Duration;

/**
 * The seam for the daemon's work: learning of assignments (chaincode events), running replicas in the sandbox and
 * reporting results through the gateway. {@link DaemonRunner} owns everything around it (configuration, journal,
 * status board, health endpoint, signals) and calls these in this order, each once, from one thread:
 *
 * <ol>
 *   <li>{@link #start()} after the journal is open and the health endpoint is up; on return the board goes UP;
 *   <li>{@link #drain(Duration)} on SIGTERM/SIGINT, after the board went DRAINING; on return the board goes DOWN
 *       and the journal closes.
 * </ol>
 *
 * <p>An implementation gets its collaborators from {@link DaemonContext} through a {@link WorkerDaemonFactory}.
 */
public interface WorkerDaemon {
    /**
     * Starts taking assignments: finish {@code context.journal().pendingWork()}, connect, listen. Returns once
     * started; the work goes on in the implementation's own (named) threads.
     *
     * @throws RuntimeException when the daemon cannot start; the runner then closes everything and exits non-zero
     */
    void start();

    /**
     * Stops taking assignments, waits up to {@code timeout} for running replicas to finish and report, then
     * abandons the rest in the journal (reason: drain timeout) and releases every resource. Returns when done.
     */
    void drain(Duration timeout);
}
