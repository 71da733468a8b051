// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.JobHistory;
import io.povm.api.JobInput;
import io.povm.api.JobResources;
import io.povm.api.JobSpec;
import io.povm.api.JobVersion;
import io.povm.api.Replica;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints jobs for people: one aligned row per job or version, or one job's fields one per line. */
final class JobTable {
    private static final List<String> HEADER =
            List.of("ID", "STATE", "SUBMITTER", "REDUNDANCY", "SLA", "SUBMITTED AT", "DEADLINE");
    private static final List<String> HISTORY_HEADER = List.of("#", "TIMESTAMP", "STATE", "TRANSACTION", "REASON");

    private JobTable() {}

    /** Prints a header and one row per job; nothing but a note when there are none. */
    static void rows(final List<Job> jobs, final PrintWriter out) {
        if (jobs.isEmpty()) {
            out.println("no jobs");
            return;
        }
        final List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Job job : jobs) {
            rows.add(List.of(
                    job.id(),
                    job.state().name(),
                    job.submitter().msp(),
                    job.spec().redundancy().describe(),
                    job.spec().sla(),
                    job.submittedAt(),
                    job.spec().deadline()));
        }
        aligned(rows, out);
    }

    /** Prints one row per version of a job, newest first as the ledger returns them. */
    static void history(final JobHistory history, final PrintWriter out) {
        final List<List<String>> rows = new ArrayList<>();
        rows.add(HISTORY_HEADER);
        int number = history.count();
        for (JobVersion version : history.versions()) {
            rows.add(List.of(
                    Integer.toString(number--),
                    version.timestamp(),
                    version.job().map(job -> job.state().name()).orElse("(deleted)"),
                    version.txId(),
                    version.job().flatMap(Job::stateReason).orElse("-")));
        }
        aligned(rows, out);
    }

    private static void aligned(final List<List<String>> rows, final PrintWriter out) {
        final int[] widths = new int[rows.get(0).size()];
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

    /** Prints every field of one job, one per line. */
    static void detail(final Job job, final PrintWriter out) {
        final JobSpec spec = job.spec();
        field(out, "id", job.id());
        field(
                out,
                "state",
                job.state().name() + job.stateReason().map(r -> " (" + r + ")").orElse(""));
        field(out, "state since", job.stateChangedAt());
        field(out, "submitter", job.submitter().msp() + " " + job.submitter().id());
        field(out, "image", spec.image());
        field(out, "command", String.join(" ", spec.command()));
        field(out, "env", describeEnv(spec.env()));
        field(out, "inputs", describeInputs(spec.inputs()));
        field(
                out,
                "resources",
                spec.resources().map(JobTable::describeResources).orElse("-"));
        field(out, "sla", spec.sla());
        field(out, "redundancy", describeRedundancy(spec));
        field(out, "deadline", spec.deadline());
        field(out, "replicas", describeReplicas(job.replicas()));
        field(out, "submitted at", job.submittedAt());
        field(out, "transaction", job.submitTxId());
    }

    private static String describeRedundancy(final JobSpec spec) {
        final var redundancy = spec.redundancy();
        if (redundancy.isIterative()) {
            return "iterative, margin " + redundancy.margin().orElse(0) + ", "
                    + redundancy.minReplicas().orElse(0) + " to "
                    + redundancy.cap().orElse(0) + " replicas";
        }
        return redundancy.mode() + ", " + redundancy.replicas().orElse(0) + " replicas";
    }

    private static String describeEnv(final Map<String, String> env) {
        if (env.isEmpty()) {
            return "-";
        }
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String describeInputs(final List<JobInput> inputs) {
        if (inputs.isEmpty()) {
            return "-";
        }
        return inputs.stream()
                .map(input -> input.isInline()
                        ? input.name() + " (inline)"
                        : input.name() + " (" + input.sizeBytes().orElse(0L) + " bytes from "
                                + input.url().orElse("?") + ")")
                .collect(Collectors.joining(", "));
    }

    private static String describeResources(final JobResources resources) {
        final List<String> parts = new ArrayList<>();
        resources.cpuMillis().ifPresent(cpu -> parts.add(cpu + " millicores"));
        resources.memoryMiB().ifPresent(mib -> parts.add(mib + " MiB"));
        return String.join(", ", parts);
    }

    private static String describeReplicas(final List<Replica> replicas) {
        if (replicas.isEmpty()) {
            return "-";
        }
        return replicas.stream()
                .map(r -> "#" + r.index() + " " + r.msp() + " " + r.workerKey() + " " + r.state())
                .collect(Collectors.joining(", "));
    }

    private static void field(final PrintWriter out, final String name, final String value) {
        out.println(String.format("%-13s %s", name, value));
    }
}
