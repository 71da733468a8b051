// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/**
 * Where a registered worker is in its life.
 *
 * <pre>
 *   Register ──► ACTIVE ◄──Resume── PAUSED
 *                  │ └────Pause────►  │
 *                  ├──Deregister──────┼──► DEREGISTERED (terminal)
 *                  └──Revoke──────────┴──► REVOKED      (terminal)
 * </pre>
 */
public enum WorkerState {
    /** Serves its offer: assignment may pick it. */
    ACTIVE,
    /** Registered but taking no new work until resumed. */
    PAUSED,
    /** Withdrawn by the worker or its org; its identity cannot be registered again. */
    DEREGISTERED,
    /** Withdrawn by its org's admin, e.g. because its key was compromised; its identity cannot be registered again. */
    REVOKED;

    /** @return whether nothing can change a worker in this state any more */
    public boolean isTerminal() {
        return this == DEREGISTERED || this == REVOKED;
    }
}
