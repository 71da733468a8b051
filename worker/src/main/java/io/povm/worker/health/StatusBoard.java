// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.health;

import io.povm.worker.journal.ReplicaId;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The one mutable place that holds the daemon's {@link WorkerStatus}: the daemon updates it, {@code /healthz} and
 * the slot gauges read {@link #snapshot()}. Thread-safe (each update is an atomic swap of an immutable snapshot).
 */
public final class StatusBoard {
    private final AtomicReference<WorkerStatus> status;
    private final Clock clock;

    public StatusBoard(final WorkerStatus initial, final Clock clock) {
        this.status = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public WorkerStatus snapshot() {
        return status.get();
    }

    public void state(final DaemonState state) {
        update(s -> s.withState(state));
    }

    /** A replica took a slot now. */
    public void replicaStarted(final ReplicaId id) {
        update(s -> s.withRunning(new RunningReplica(id, clock.instant())));
    }

    /** A replica gave its slot back. */
    public void replicaFinished(final ReplicaId id) {
        update(s -> s.withoutRunning(id));
    }

    /** A chaincode event from this block reached the daemon. */
    public void eventSeen(final long block) {
        update(s -> s.withEventBlock(block));
    }

    /** The daemon's heartbeat went out now. */
    public void heartbeat() {
        update(s -> s.withHeartbeat(clock.instant()));
    }

    /** For changes the methods above do not cover. */
    public WorkerStatus update(final UnaryOperator<WorkerStatus> change) {
        return status.updateAndGet(change);
    }
}
