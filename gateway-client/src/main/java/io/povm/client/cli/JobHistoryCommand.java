// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.JobHistory;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code povm job history ID}: every committed version of a job, newest first. */
@Command(
        name = "history",
        header = "Show every committed version of a job.",
        mixinStandardHelpOptions = true,
        description = {
            "Show every committed version of a job, newest first: when, in which",
            "transaction, in which state and why."
        },
        footer = {"", "Examples:", "  povm job history job-1a2b3c4d", "  povm job history job-1a2b3c4d -o json"})
final class JobHistoryCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
    private String id;

    JobHistoryCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        final JobHistory history = jobs.history(id);
        if (common().output() == OutputFormat.JSON) {
            printJson(history, out);
        } else {
            JobTable.history(history, out);
        }
    }
}
