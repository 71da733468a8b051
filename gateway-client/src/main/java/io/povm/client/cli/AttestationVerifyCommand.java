// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.PovmException;
import io.povm.client.PovmClientException;
import io.povm.client.attestation.AttestationReport;
import io.povm.client.attestation.AttestationVerifier;
import io.povm.client.attestation.Evidence;
import io.povm.client.job.JobClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code povm attestation verify ID | --evidence FILE}: re-check a job's attestations and verdict offline. */
@Command(
        name = "verify",
        header = "Check a job's attestations and payouts from ledger data.",
        mixinStandardHelpOptions = true,
        description = {
            "Check a job from ledger data alone: every revealed replica has one",
            "stored attestation, which reads strictly, states the replica's stored",
            "result, names the job, replica, worker, image and SLA, carries the",
            "SLA's container configuration hash, hashes its inline output and",
            "checkpoint leaves to what it states, opens the replica's commitment",
            "and is signed by the worker's registered attestation key; and the",
            "revealed results count to the stored verdict. Fetches the evidence",
            "from the ledger, or reads a file written by povm attestation export.",
            "Exits 7 naming the replica and the first field that does not check."
        },
        footer = {
            "",
            "Examples:",
            "  povm attestation verify job-1a2b3c4d",
            "  povm attestation verify --evidence job-1a2b3c4d.evidence.json -o json"
        })
final class AttestationVerifyCommand extends EvidenceCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The job's id (or give --evidence).")
    private String id;

    @Option(
            names = "--evidence",
            paramLabel = "FILE",
            description = "Verify this evidence file instead of fetching from the ledger; no connection is made.")
    private Path evidenceFile;

    private int exitCode = ExitCodes.OK;

    AttestationVerifyCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        if ((id == null) == (evidenceFile == null)) {
            throw new ParameterException(spec().commandLine(), "give either a job ID or --evidence FILE");
        }
    }

    @Override
    void execute(final String profile, final PrintWriter out) {
        final Evidence evidence = evidenceFile == null ? fetch(profile, id) : read(evidenceFile);
        final AttestationReport report = AttestationVerifier.verify(evidence);
        if (common().output() == OutputFormat.JSON) {
            printJson(report, out);
        } else {
            AttestationTable.report(report, out);
        }
        if (!report.passed()) {
            final PrintWriter err = spec().commandLine().getErr();
            report.failures().forEach(failure -> err.println("error: " + failure));
            err.flush();
            exitCode = ExitCodes.NOT_VERIFIED;
        }
    }

    @Override
    int exitCode() {
        return exitCode;
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        throw new IllegalStateException("verify runs through execute");
    }

    private Evidence read(final Path file) {
        final String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec().commandLine(), "cannot read --evidence " + file + ": no such file");
        } catch (IOException e) {
            throw new ParameterException(spec().commandLine(), "cannot read --evidence " + file + ": " + e);
        }
        try {
            return Evidence.fromJson(json);
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }
}
