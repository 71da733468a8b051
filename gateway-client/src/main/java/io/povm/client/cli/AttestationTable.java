// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Attestation;
import io.povm.api.JobAttestations;
import io.povm.api.Reveal;
import io.povm.client.attestation.AttestationReport;
import io.povm.client.attestation.AttestationReport.ReplicaOutcome;
import java.io.PrintWriter;

/** Prints attestations and verification reports for people. */
final class AttestationTable {
    private static final int MAX_OUTPUT_CHARS = 80;

    private AttestationTable() {}

    static void report(final AttestationReport report, final PrintWriter out) {
        out.println("job " + report.jobId() + ": " + (report.passed() ? "VERIFIED" : "NOT VERIFIED"));
        for (final ReplicaOutcome r : report.replicas()) {
            out.println(String.format(
                            "  replica %-3d %-24s %-16s %-7s %s",
                            r.index(),
                            r.workerKey(),
                            r.state(),
                            r.outcome(),
                            r.field() == null ? nullToEmpty(r.reason()) : r.field() + ": " + r.reason())
                    .stripTrailing());
        }
        out.println(String.format("  %-44s %-7s %s", "verdict", report.verdict().outcome(), reasonOf(report.verdict()))
                .stripTrailing());
        report.problems().forEach(p -> out.println("  " + p));
    }

    static void reveals(final JobAttestations attestations, final PrintWriter out) {
        if (attestations.reveals().isEmpty()) {
            out.println("no attestations stored for job " + attestations.jobId());
            return;
        }
        boolean first = true;
        for (final Reveal reveal : attestations.reveals()) {
            if (!first) {
                out.println();
            }
            first = false;
            final Attestation a = reveal.attestation();
            field(out, "replica", a.replica() + " of " + a.jobId());
            field(out, "worker", a.workerKey() + " (" + a.msp() + ")");
            field(out, "image", a.imageDigest());
            field(out, "sla", a.slaRef() + ", config " + a.configHash());
            field(out, "exit", a.exitCode() + ", limit hit " + a.limitHit());
            field(
                    out,
                    "usage",
                    "wall " + a.wallMillis() + " ms, cpu " + a.cpuMillis() + " ms, peak memory " + a.peakMemoryBytes()
                            + " B");
            field(out, "result", a.resultHash() + " (" + a.outputBytes() + " B)");
            field(
                    out,
                    "output",
                    reveal.inlineOutput().map(AttestationTable::brief).orElse("- (not inline)"));
            field(out, "checkpoints", a.checkpoints() + ", root " + a.checkpointRoot());
            field(out, "nonce", a.nonce());
            field(out, "signature", reveal.signature());
        }
    }

    private static String reasonOf(final AttestationReport.Finding finding) {
        return finding.field() == null ? nullToEmpty(finding.reason()) : finding.field() + ": " + finding.reason();
    }

    private static String brief(final String output) {
        final String escaped = output.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        return escaped.length() <= MAX_OUTPUT_CHARS ? escaped : escaped.substring(0, MAX_OUTPUT_CHARS) + "...";
    }

    private static String nullToEmpty(final String value) {
        return value == null ? "" : value;
    }

    private static void field(final PrintWriter out, final String name, final String value) {
        out.println(String.format("%-13s %s", name, value));
    }
}
