// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.Dispute;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.Verdict;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code povm job result ID}: where a job's result consensus stands. */
@Command(
        name = "result",
        header = "Show a job's result, verdict and dispute.",
        mixinStandardHelpOptions = true,
        description = {
            "Show a job's result: its state, the verdict (winning result hash, the",
            "answers with the workers that gave them, who agreed, disagreed, timed",
            "out or faulted, SLA violations) and any dispute with its outcome and",
            "the first checkpoint where the answers diverge."
        },
        footer = {"", "Examples:", "  povm job result job-1a2b3c4d", "  povm job result job-1a2b3c4d -o json"})
final class JobResultCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
    private String id;

    JobResultCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        print(jobs.get(id), common().output(), out);
    }

    /** Prints a job's result as a table, or its {@link View} as JSON. */
    static void print(final Job job, final OutputFormat format, final PrintWriter out) {
        if (format == OutputFormat.JSON) {
            printJson(View.of(job), out);
        } else {
            JobResultTable.print(job, out);
        }
    }

    /** The result parts of a job, as {@code -o json} prints them; absent parts are left out. */
    @JsonPropertyOrder({"jobId", "state", "stateReason", "revealBy", "verdict", "challengeBy", "dispute"})
    record View(
            @JsonProperty("jobId") String jobId,
            @JsonProperty("state") JobState state,
            @JsonProperty("stateReason") String stateReason,
            @JsonProperty("revealBy") String revealBy,
            @JsonProperty("verdict") Verdict verdict,
            @JsonProperty("challengeBy") String challengeBy,
            @JsonProperty("dispute") Dispute dispute) {
        static View of(final Job job) {
            return new View(
                    job.id(),
                    job.state(),
                    job.stateReason().orElse(null),
                    job.resolution().revealBy().orElse(null),
                    job.verdict().orElse(null),
                    job.resolution().challengeBy().orElse(null),
                    job.dispute().orElse(null));
        }
    }
}
