// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.cli;

import io.povm.worker.health.RunningReplica;
import io.povm.worker.health.WorkerStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The readable form of a {@link WorkerStatus}, times with their age. */
final class StatusText {
    private StatusText() {}

    static String of(final WorkerStatus status, final Clock clock) {
        final Instant now = clock.instant();
        final StringBuilder out = new StringBuilder();
        line(out, "worker", status.workerKey());
        line(out, "status", status.state().name());
        if (!WorkerStatus.HONEST.equals(status.faultyMode())) {
            line(out, "faulty mode", status.faultyMode() + " (tests only)");
        }
        line(out, "slots", status.slotsUsed() + "/" + status.slotsTotal() + " used");
        line(out, "last event", status.lastEventBlock().map(b -> "block " + b).orElse("none yet"));
        line(
                out,
                "heartbeat",
                status.lastHeartbeat()
                        .map(t -> t + " (" + age(t, now) + " ago)")
                        .orElse("none yet"));
        if (status.running().isEmpty()) {
            line(out, "running", "nothing");
        }
        for (RunningReplica r : status.running()) {
            line(out, "running", r.id() + " since " + r.since() + " (" + age(r.since(), now) + ")");
        }
        return out.toString();
    }

    private static void line(final StringBuilder out, final String label, final String value) {
        out.append(String.format("%-11s %s%n", label, value));
    }

    static String age(final Instant since, final Instant now) {
        final Duration d = Duration.between(since, now);
        if (d.isNegative()) {
            return "0s";
        }
        final long s = d.getSeconds();
        if (s < 60) {
            return s + "s";
        } else if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        return s / 3600 + "h " + s % 3600 / 60 + "m";
    }
}
