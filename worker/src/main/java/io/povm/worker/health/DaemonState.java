// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.health;

/** The daemon's state as {@code /healthz} reports it. */
public enum DaemonState {
    /** Started and taking assignments. */
    UP,
    /** Stopping: takes no new assignments, finishes or abandons the running ones. */
    DRAINING,
    /** Not (yet, or no longer) working: starting up, or stopped. */
    DOWN
}
