// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Dispute;
import io.povm.api.Job;
import io.povm.api.Verdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** Prints where a job's result consensus stands: state, verdict and dispute, one field per line. */
final class JobResultTable {
    private JobResultTable() {}

    static void print(final Job job, final PrintWriter out) {
        field(out, "job", job.id());
        field(
                out,
                "state",
                job.state().name() + job.stateReason().map(r -> " (" + r + ")").orElse(""));
        job.resolution().revealBy().ifPresent(at -> field(out, "reveal by", at));
        if (job.verdict().isEmpty()) {
            field(out, "verdict", "none yet");
        } else {
            verdict(job.verdict().get(), out);
        }
        job.resolution().challengeBy().ifPresent(at -> field(out, "challenge by", at));
        job.dispute().ifPresent(dispute -> dispute(dispute, out));
    }

    private static void verdict(final Verdict verdict, final PrintWriter out) {
        field(out, "verdict", verdict.stage() + ", decided " + verdict.decidedAt());
        field(out, "winner", verdict.winner().orElse("none"));
        field(out, "reason", verdict.reason());
        if (verdict.answers().isEmpty()) {
            field(out, "answers", "-");
        }
        for (int i = 0; i < verdict.answers().size(); i++) {
            final Verdict.Answer answer = verdict.answers().get(i);
            field(
                    out,
                    i == 0 ? "answers" : "",
                    answer.resultHash() + " " + answer.workers().size() + " " + workers(answer.workers()));
        }
        field(out, "agreed", workers(verdict.agreed()));
        field(out, "disagreed", workers(verdict.disagreed()));
        field(out, "timed out", workers(verdict.timedOut()));
        field(out, "faulted", workers(verdict.faulted()));
        if (verdict.violations().isEmpty()) {
            field(out, "violations", "-");
        }
        for (int i = 0; i < verdict.violations().size(); i++) {
            final Verdict.Violation v = verdict.violations().get(i);
            field(
                    out,
                    i == 0 ? "violations" : "",
                    v.party() + " " + v.who() + " replica " + v.replica() + " " + v.kind() + ": " + v.detail());
        }
    }

    private static void dispute(final Dispute dispute, final PrintWriter out) {
        field(
                out,
                "dispute",
                "by " + dispute.challenger().msp() + " at " + dispute.challengedAt() + ", deposit " + dispute.deposit()
                        + ", " + dispute.rerunReplicas() + " re-run replica(s)"
                        + (dispute.reason().isEmpty() ? "" : ": " + dispute.reason()));
        field(out, "outcome", dispute.decision().orElse("re-run in progress"));
        if (dispute.firstDivergence() != null) {
            final Dispute.Divergence d = dispute.firstDivergence();
            field(
                    out,
                    "diverges at",
                    "checkpoint " + d.index() + ": verdict " + orDash(d.verdictLeaf()) + ", re-run "
                            + orDash(d.rerunLeaf()));
        }
        if (dispute.note() != null) {
            field(out, "note", dispute.note());
        }
    }

    private static String workers(final List<String> workers) {
        return workers.isEmpty() ? "-" : workers.stream().collect(Collectors.joining(", "));
    }

    private static String orDash(final String value) {
        return value == null ? "-" : value;
    }

    /** Prints one field: its name padded to the column, then its value. */
    static void field(final PrintWriter out, final String name, final String value) {
        out.println(String.format("%-13s %s", name, value).stripTrailing());
    }
}
