// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

/** Makes the {@link WorkerDaemon} once the runner has opened the journal and set up the status board. */
@FunctionalInterface
public interface WorkerDaemonFactory {
    WorkerDaemon create(DaemonContext context);
}
