// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.JobLimits;
import io.povm.api.Sla;
import io.povm.api.SlaStatus;
import io.povm.api.SlaVote;
import io.povm.api.SlaVotes;
import io.povm.api.VmTerms;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Prints SLAs for people: one aligned row per SLA, one SLA's terms and votes, or a vote's outcome. */
final class SlaTable {
    private static final List<String> HEADER =
            List.of("SLA", "STATE", "CPU", "MEMORY", "DISK", "MAX WALL", "PRICE/VM-S", "PROPOSER", "PROPOSED AT");

    private SlaTable() {}

    /** Prints a header and one row per SLA; nothing but a note when there are none. */
    static void rows(final List<Sla> slas, final PrintWriter out) {
        if (slas.isEmpty()) {
            out.println("no SLAs");
            return;
        }
        final List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Sla sla : slas) {
            final VmTerms vm = sla.spec().vm();
            rows.add(List.of(
                    sla.ref().toString(),
                    sla.state().name(),
                    vm.cpuMillis() + "m",
                    vm.memoryMiB() + "Mi",
                    vm.diskMiB() + "Mi",
                    vm.maxWallSeconds() + "s",
                    Long.toString(vm.pricePerVmSecond()),
                    sla.proposer().msp(),
                    sla.proposedAt()));
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

    /** Prints every term of one SLA and its governance, one per line. */
    static void detail(final Sla sla, final PrintWriter out) {
        final VmTerms vm = sla.spec().vm();
        final JobLimits job = sla.spec().job();
        field(out, "sla", sla.ref().toString());
        field(out, "state", sla.state().name());
        field(out, "cpu", vm.cpuMillis() + " millicores");
        field(out, "memory", vm.memoryMiB() + " MiB");
        field(out, "disk", vm.diskMiB() + " MiB");
        field(out, "max wall", vm.maxWallSeconds() + " s");
        field(out, "network", vm.network());
        field(out, "benchmark", "at least " + vm.minBenchmarkOpsPerSec() + " ops/s");
        field(out, "price", vm.pricePerVmSecond() + " credits per VM-second");
        field(out, "max input", job.maxInputBytes() + " bytes");
        field(out, "max output", job.maxOutputBytes() + " bytes");
        field(out, "proposer", sla.proposer().msp() + " " + sla.proposer().id());
        field(out, "proposed at", sla.proposedAt());
        field(out, "activated at", sla.activatedAt().orElse("-"));
        field(out, "deprecated at", sla.deprecatedAt().orElse("-"));
        field(out, "transaction", sla.proposeTxId());
    }

    /** Prints the votes of an SLA: who approved, who voted to deprecate, and the majority needed. */
    static void votes(final SlaVotes votes, final PrintWriter out) {
        field(out, "members", String.join(", ", votes.members()) + " (majority: " + votes.threshold() + ")");
        field(out, "approvals", describe(votes.approvals(), votes));
        field(out, "deprecation", describe(votes.deprecationVotes(), votes));
    }

    /** Prints where an SLA stands after a vote. */
    static void status(final SlaStatus status, final PrintWriter out) {
        field(out, "sla", status.sla());
        field(out, "state", status.state().name());
        field(out, "approvals", status.approvals() + " of " + status.threshold() + " needed");
        field(out, "deprecation", status.deprecationVotes() + " of " + status.threshold() + " needed");
        field(out, "members", Integer.toString(status.members()));
    }

    private static String describe(final List<SlaVote> votes, final SlaVotes all) {
        final long counted =
                votes.stream().filter(v -> all.members().contains(v.msp())).count();
        final String who = votes.isEmpty()
                ? "none"
                : votes.stream().map(v -> v.msp() + " at " + v.votedAt()).collect(Collectors.joining(", "));
        return counted + " of " + all.threshold() + " needed: " + who;
    }

    private static void field(final PrintWriter out, final String name, final String value) {
        out.println(String.format("%-13s %s", name, value));
    }
}
