// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code povm attestation show ID}: the signed attestations stored for a job. */
@Command(
        name = "show",
        header = "Show the signed attestations stored for a job.",
        mixinStandardHelpOptions = true,
        description = {
            "Show the signed attestations stored for a job, one per revealed",
            "replica: what each worker states it ran and measured, its result and",
            "checkpoint hashes, nonce and signature. -o json prints them exactly as",
            "the ledger returned them."
        },
        footer = {
            "",
            "Examples:",
            "  povm attestation show job-1a2b3c4d",
            "  povm attestation show job-1a2b3c4d -o json"
        })
final class AttestationShowCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
    private String id;

    AttestationShowCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        if (common().output() == OutputFormat.JSON) {
            out.println(jobs.attestationsJson(id));
        } else {
            AttestationTable.reveals(jobs.attestations(id), out);
        }
    }
}
