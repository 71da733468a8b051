// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.attestation.Evidence;
import io.povm.client.job.JobClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code povm attestation export ID [--out FILE]}: write a job's evidence to one JSON file. */
@Command(
        name = "export",
        header = "Write the evidence of a job to one JSON file.",
        mixinStandardHelpOptions = true,
        description = {
            "Write the evidence povm attestation verify checks to one JSON file:",
            "the job, its SLA's terms, the attestation key of every worker that",
            "held one of its replicas, and the stored attestations, each as the",
            "exact text the ledger returned. Verify it later, anywhere, with",
            "povm attestation verify --evidence FILE."
        },
        footer = {
            "",
            "Examples:",
            "  povm attestation export job-1a2b3c4d --out job-1a2b3c4d.evidence.json",
            "  povm attestation export job-1a2b3c4d > evidence.json"
        })
final class AttestationExportCommand extends EvidenceCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
    private String id;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file (default: standard output).")
    private Path outFile;

    AttestationExportCommand(final CliContext context) {
        super(context);
    }

    @Override
    void execute(final String profile, final PrintWriter out) {
        final Evidence evidence = fetch(profile, id);
        if (outFile == null) {
            out.println(evidence.toJson());
            return;
        }
        try {
            Files.writeString(outFile, evidence.toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParameterException(spec().commandLine(), "cannot write --out " + outFile + ": " + e);
        }
        out.println("wrote the evidence of job " + id + " ("
                + evidence.attestations().size() + " attestations, "
                + evidence.attestationKeys().size() + " worker keys) to " + outFile);
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        throw new IllegalStateException("export runs through execute");
    }
}
