// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A command that moves a job on: advance, challenge, finalize, expire. Prints the job's result. */
abstract class JobStepCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
    private String id;

    JobStepCommand(final CliContext context) {
        super(context);
    }

    @Override
    final void run(final JobClient jobs, final PrintWriter out) {
        final Job job = step(jobs, id);
        if (common().output() == OutputFormat.JSON) {
            printJson(job, out);
        } else {
            JobResultTable.print(job, out);
        }
    }

    abstract Job step(JobClient jobs, String jobId);

    @Command(
            name = "advance",
            header = "Move a job on once its time came.",
            mixinStandardHelpOptions = true,
            description = {
                "Move a job on when its time came: close an overdue reveal window",
                "(once a majority of orgs ticked past it), count the verdict, or draw",
                "the replicas iterative redundancy or a dispute still needs. Any",
                "member org's identity may call it."
            },
            footer = {"", "Examples:", "  povm job advance job-1a2b3c4d", "  povm job advance job-1a2b3c4d -o json"})
    static final class Advance extends JobStepCommand {
        Advance(final CliContext context) {
            super(context);
        }

        @Override
        Job step(final JobClient jobs, final String jobId) {
            return jobs.advance(jobId);
        }
    }

    @Command(
            name = "challenge",
            header = "Challenge a job's soft verdict with a deposit.",
            mixinStandardHelpOptions = true,
            description = {
                "Challenge a job's soft verdict before its challenge window closes,",
                "as its submitter or an identity of a member org. The deposit is",
                "taken from your credits; workers of other orgs re-run the job and",
                "their majority decides (docs/consensus.md)."
            },
            footer = {"", "Examples:", "  povm job challenge job-1a2b3c4d --reason 'flips look wrong'"})
    static final class Challenge extends JobStepCommand {
        @Option(
                names = "--reason",
                paramLabel = "TEXT",
                required = true,
                description = "Why the verdict is wrong, one line of at most 256 characters.")
        private String reason;

        Challenge(final CliContext context) {
            super(context);
        }

        @Override
        Job step(final JobClient jobs, final String jobId) {
            return jobs.challenge(jobId, reason);
        }
    }

    @Command(
            name = "finalize",
            header = "Settle a job once its challenge window closed.",
            mixinStandardHelpOptions = true,
            description = {
                "Settle a job after its challenge window closed (or its dispute was",
                "decided): pay the workers whose answer won, refund the rest of the",
                "escrow. FINALIZED is final."
            },
            footer = {"", "Examples:", "  povm job finalize job-1a2b3c4d", "  povm job finalize job-1a2b3c4d -o json"})
    static final class Finalize extends JobStepCommand {
        Finalize(final CliContext context) {
            super(context);
        }

        @Override
        Job step(final JobClient jobs, final String jobId) {
            return jobs.finalizeJob(jobId);
        }
    }

    @Command(
            name = "expire",
            header = "End a job whose deadline passed without a verdict.",
            mixinStandardHelpOptions = true,
            description = {
                "End a job whose deadline passed before a verdict (once a majority of",
                "the orgs other than the submitter's ticked past it): EXPIRED, its",
                "escrow back to the submitter, no replica paid. Any member org's",
                "identity may call it; the worker daemons do so by themselves."
            },
            footer = {"", "Examples:", "  povm job expire job-1a2b3c4d", "  povm job expire job-1a2b3c4d -o json"})
    static final class Expire extends JobStepCommand {
        Expire(final CliContext context) {
            super(context);
        }

        @Override
        Job step(final JobClient jobs, final String jobId) {
            return jobs.expire(jobId);
        }
    }
}
