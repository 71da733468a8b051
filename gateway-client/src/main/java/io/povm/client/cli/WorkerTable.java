// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Resources;
import io.povm.api.Worker;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints workers for people: one aligned row per worker, or one worker's fields one per line. */
final class WorkerTable {
    private static final List<String> HEADER =
            List.of("KEY", "STATE", "SLAS", "SLOTS", "FREE", "STAKE", "LAST HEARTBEAT");

    private WorkerTable() {}

    /** Prints a header and one row per worker; nothing but a note when there are none. */
    static void rows(final List<Worker> workers, final PrintWriter out) {
        if (workers.isEmpty()) {
            out.println("no workers");
            return;
        }
        final List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Worker worker : workers) {
            rows.add(List.of(
                    worker.key(),
                    worker.state().name(),
                    String.join(",", worker.offer().slas()),
                    Integer.toString(worker.offer().slots()),
                    worker.freeSlots().isPresent()
                            ? Integer.toString(worker.freeSlots().getAsInt())
                            : "-",
                    Long.toString(worker.stake().total()),
                    worker.lastHeartbeatAt().orElse("-")));
        }
        final int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            final StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Prints every field of one worker but its certificate and key, one per line. */
    static void detail(final Worker worker, final PrintWriter out) {
        field(out, "key", worker.key());
        field(out, "state", worker.state().name());
        field(out, "fabric id", worker.fabricId());
        field(out, "slas", String.join(", ", worker.offer().slas()));
        field(out, "slots", Integer.toString(worker.offer().slots()));
        field(
                out,
                "free slots",
                worker.freeSlots().isPresent()
                        ? Integer.toString(worker.freeSlots().getAsInt())
                        : "-");
        field(out, "total", describe(worker.offer().total()));
        field(out, "reserved", describe(worker.offer().reserved()));
        field(
                out,
                "stake",
                worker.stake().total() + " (cpu " + worker.stake().cpu() + ", memory "
                        + worker.stake().memory() + ", disk " + worker.stake().disk() + ")");
        field(out, "heartbeat", worker.lastHeartbeatAt().orElse("-"));
        field(out, "registered", describe(worker.registration()));
        field(out, "updated", describe(worker.lastUpdate()));
    }

    private static String describe(final Resources resources) {
        return resources.cpuMillis() + " millicores, " + resources.memoryMiB() + " MiB memory, " + resources.diskMiB()
                + " MiB disk";
    }

    private static String describe(final Worker.Change change) {
        return change.at() + " by " + change.by() + " (tx " + change.txId() + ")";
    }

    private static void field(final PrintWriter out, final String name, final String value) {
        out.println(String.format("%-11s %s", name, value));
    }
}
