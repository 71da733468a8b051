// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code povm job cancel ID}: withdraw one of your own jobs before it is assigned. */
@Command(
        name = "cancel",
        header = "Cancel a job you submitted that no worker took yet.",
        mixinStandardHelpOptions = true,
        description = {
            "Cancel a job you submitted, while it is still SUBMITTED (before any",
            "worker is assigned). Only the identity that submitted the job may",
            "cancel it; the reason is recorded on the job."
        },
        footer = {
            "",
            "Examples:",
            "  povm job cancel job-1a2b3c4d --reason 'wrong seed'",
            "  povm job cancel job-1a2b3c4d --profile org1-user2 -o json"
        })
final class JobCancelCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
    private String id;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            defaultValue = "",
            description = "Why, one line of at most 256 characters (default: none).")
    private String reason;

    JobCancelCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        final Job job = jobs.cancel(id, reason);
        if (common().output() == OutputFormat.JSON) {
            printJson(job, out);
        } else {
            JobTable.detail(job, out);
        }
    }
}
