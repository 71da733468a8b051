package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.JobSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints jobs for people: one aligned row per job, or one job's fields one per line. */
final class JobTable {
    private static final List<String> HEADER = List.of("ID", "STATE", "SUBMITTER", "REPLICAS", "SLA", "SUBMITTED AT");

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
                    Integer.toString(job.spec().redundancy().replicas()),
                    job.spec().sla(),
                    job.submittedAt()));
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

    /** Prints every field of one job, one per line. */
    static void detail(final Job job, final PrintWriter out) {
        final JobSpec spec = job.spec();
        field(out, "id", job.id());
        field(out, "state", job.state().name());
        field(out, "submitter", job.submitter().msp() + " " + job.submitter().id());
        field(out, "image", spec.image());
        field(out, "command", String.join(" ", spec.command()));
        field(out, "env", describeEnv(spec.env()));
        field(out, "sla", spec.sla());
        field(
                out,
                "redundancy",
                spec.redundancy().mode() + ", " + spec.redundancy().replicas() + " replicas");
        field(out, "submitted at", job.submittedAt());
        field(out, "transaction", job.submitTxId());
    }

    private static String describeEnv(final Map<String, String> env) {
        if (env.isEmpty()) {
            return "-";
        }
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static void field(final PrintWriter out, final String name, final String value) {
        out.println(String.format("%-13s %s", name, value));
    }
}
