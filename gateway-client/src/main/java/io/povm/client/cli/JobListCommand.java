// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code povm job list}: the jobs on the ledger in id order, one page or all of them; all jobs, the jobs in one state
 * ({@code --state}) or the caller's own ({@code --mine}), the latter two read through the chaincode's index keys.
 */
@Command(
        name = "list",
        header = "List jobs, all of them, by state or your own.",
        mixinStandardHelpOptions = true,
        description = {
            "List jobs in id order, one page at a time (or --all): every job, the",
            "jobs in one state (--state), or your own (--mine)."
        },
        footer = {
            "",
            "Examples:",
            "  povm job list",
            "  povm job list --state SUBMITTED",
            "  povm job list --mine --all -o json",
            "  povm job list --page-size 10 --bookmark <printed by the previous page>"
        })
final class JobListCommand extends ClientCommand {
    @Mixin
    private final PagingOptions paging = new PagingOptions();

    @Option(
            names = "--state",
            paramLabel = "STATE",
            description = "Only jobs in this state: SUBMITTED, ASSIGNED, RUNNING, RESULTS_PENDING, RESOLVED_SOFT,"
                    + " CHALLENGED, RESOLVING, RESOLVED_FIRM, FINALIZED, CANCELLED, EXPIRED or FAILED.")
    private JobState state;

    @Option(names = "--mine", description = "Only the jobs submitted by this profile's identity.")
    private boolean mine;

    JobListCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        if (state != null && mine) {
            throw new ParameterException(spec().commandLine(), "give either --state or --mine, not both");
        }
        paging.check(spec().commandLine());
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        final JobPage page = paging.all()
                ? new JobPage(paging.everyItem(from -> fetch(jobs, from), "the listing"), "")
                : fetch(jobs, paging.bookmark());
        if (common().output() == OutputFormat.JSON) {
            printJson(page, out);
            return;
        }
        JobTable.rows(page.jobs(), out);
        if (page.hasMore()) {
            out.println();
            out.println("more jobs: povm job list" + filter() + " --page-size " + paging.pageSize() + " --bookmark '"
                    + Bookmarks.forDisplay(page.bookmark()) + "'");
        }
    }

    private JobPage fetch(final JobClient jobs, final String from) {
        if (state != null) {
            return jobs.listByState(state, paging.pageSize(), from);
        }
        if (mine) {
            return jobs.listMine(paging.pageSize(), from);
        }
        return jobs.list(paging.pageSize(), from);
    }

    private String filter() {
        if (state != null) {
            return " --state " + state;
        }
        return mine ? " --mine" : "";
    }
}
