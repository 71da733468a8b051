// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How often a daemon writes its heartbeat and its clock tick to the ledger. While anything is in flight (a replica of
 * its own, a job not yet final anywhere on the ledger, an open beacon round or one due) it writes both every heartbeat
 * interval, as leases, reveal windows and beacon phases need a fresh multiparty clock. With nothing to do it writes a
 * tick at most every {@code idleInterval}, which keeps the clock's majority time within about one interval of now so
 * that the first submission after a quiet spell is not dated back (docs/leases.md: a transaction may run 2 min past
 * the clock's epoch), and a heartbeat at most every two intervals or when its free slots change, which keeps the worker
 * listed as alive by the CLI's diagnosis and CloudPoS (2 min). An idle network then writes a few transactions a minute
 * instead of two per daemon and heartbeat. Idle, the daemon also reads the ledger's job lists (its sweeps for leases
 * to expire, jobs to advance or assign) only once per {@code idleInterval}, as a safety net: a submission event makes
 * it busy at once. {@code idleInterval} zero turns idling off: everything every heartbeat.
 *
 * <p>Not thread-safe: the daemon's heartbeat thread alone uses it.
 */
final class IdlePacing {
    /** What to write in this heartbeat. */
    record Writes(boolean heartbeat, boolean tick) {}

    private final Duration idleInterval;
    private Optional<Instant> lastHeartbeat = Optional.empty();
    private Optional<Instant> lastTick = Optional.empty();
    private Optional<Instant> lastSweep = Optional.empty();
    private int lastFreeSlots = -1;

    IdlePacing(final Duration idleInterval) {
        this.idleInterval = Objects.requireNonNull(idleInterval, "idleInterval");
        if (idleInterval.isNegative()) {
            throw new IllegalArgumentException("idleInterval must not be negative: " + idleInterval);
        }
    }

    /**
     * @param busy whether anything is in flight (see the class doc)
     * @param freeSlots the free slots the heartbeat would report
     * @return what is due now; {@link #written} records what was then written
     */
    Writes due(final Instant now, final boolean busy, final int freeSlots) {
        if (busy || idleInterval.isZero()) {
            return new Writes(true, true);
        }
        final boolean heartbeat =
                freeSlots != lastFreeSlots || olderThan(lastHeartbeat, now, idleInterval.multipliedBy(2));
        return new Writes(heartbeat, olderThan(lastTick, now, idleInterval));
    }

    /** @return whether the daemon should sweep the job lists in this heartbeat; {@link #swept} records it */
    boolean sweepDue(final Instant now, final boolean busy) {
        return busy || idleInterval.isZero() || olderThan(lastSweep, now, idleInterval);
    }

    /** Records a sweep that ran to its end. */
    void swept(final Instant now) {
        lastSweep = Optional.of(now);
    }

    /** Records what this heartbeat wrote, once the ledger took it. */
    void written(final Instant now, final Writes writes, final int freeSlots) {
        if (writes.heartbeat()) {
            lastHeartbeat = Optional.of(now);
            lastFreeSlots = freeSlots;
        }
        if (writes.tick()) {
            lastTick = Optional.of(now);
        }
    }

    private static boolean olderThan(final Optional<Instant> last, final Instant now, final Duration age) {
        return last.map(at -> !now.isBefore(at.plus(age))).orElse(true);
    }
}
