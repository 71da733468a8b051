// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.health;

import io.povm.worker.journal.ReplicaId;
import java.time.Instant;
import java.util.Objects;

/** A replica that occupies a slot, and since when. */
public final class RunningReplica {
    private final ReplicaId id;
    private final Instant since;

    public RunningReplica(final ReplicaId id, final Instant since) {
        this.id = Objects.requireNonNull(id, "id");
        this.since = Objects.requireNonNull(since, "since");
    }

    public ReplicaId id() {
        return id;
    }

    public Instant since() {
        return since;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof RunningReplica
                && id.equals(((RunningReplica) o).id)
                && since.equals(((RunningReplica) o).since);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, since);
    }

    @Override
    public String toString() {
        return id + " since " + since;
    }
}
