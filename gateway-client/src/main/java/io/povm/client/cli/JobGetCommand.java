// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code povm job get ID}: one job as the ledger holds it. */
@Command(
        name = "get",
        header = "Show one job and what it waits for.",
        mixinStandardHelpOptions = true,
        description = {
            "Show one job as the ledger holds it. A SUBMITTED job also says what it",
            "waits for: which constraint keeps every worker from taking it (no",
            "ACTIVE SLA, no worker offering it, all below the reputation floor, no",
            "free slot, no worker daemon running), or that none does."
        },
        footer = {"", "Examples:", "  povm job get job-1a2b3c4d", "  povm job get job-1a2b3c4d --profile org2 -o json"})
final class JobGetCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
    private String id;

    JobGetCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        final Job job = jobs.get(id);
        if (common().output() == OutputFormat.JSON) {
            printJson(job, out);
        } else {
            JobTable.detail(job, out);
            explain(job, jobs, out);
        }
    }

    private void explain(final Job job, final JobClient jobs, final PrintWriter out) {
        try {
            AssignmentProbe.diagnose(job, jobs, context(), profile()).ifPresent(d -> AssignmentProbe.print(d, out));
        } catch (PovmClientException e) {
            out.println("note: cannot tell what the job waits for: " + e.getMessage());
        }
    }
}
