package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code povm job list}: the jobs on the ledger in id order, one page or all of them; all jobs, the jobs in one state
 * ({@code --state}) or the caller's own ({@code --mine}), the latter two read through the chaincode's index keys.
 */
@Command(
        name = "list",
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
    @Option(
            names = "--state",
            paramLabel = "STATE",
            description = "Only jobs in this state: SUBMITTED, ASSIGNED, RUNNING, RESULTS_PENDING, RESOLVED_SOFT,"
                    + " CHALLENGED, RESOLVING, RESOLVED_FIRM, FINALIZED, CANCELLED, EXPIRED or FAILED.")
    private JobState state;

    @Option(names = "--mine", description = "Only the jobs submitted by this profile's identity.")
    private boolean mine;

    @Option(
            names = "--page-size",
            paramLabel = "N",
            defaultValue = "50",
            description = "Jobs per page, 1 to " + JobClient.MAX_PAGE_SIZE + " (default: ${DEFAULT-VALUE}).")
    private int pageSize;

    @Option(
            names = "--bookmark",
            paramLabel = "B",
            defaultValue = "",
            description = "Where the page starts: the bookmark the previous page printed.")
    private String bookmarkOption;

    private String bookmark;

    @Option(names = "--all", description = "Fetch every page; with -o json, print them as one page.")
    private boolean all;

    JobListCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        if (state != null && mine) {
            throw new ParameterException(spec().commandLine(), "give either --state or --mine, not both");
        }
        try {
            bookmark = Bookmarks.fromOption(bookmarkOption);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec().commandLine(), "--bookmark is not one this command printed: " + bookmarkOption);
        }
        if (pageSize < 1 || pageSize > JobClient.MAX_PAGE_SIZE) {
            throw new ParameterException(
                    spec().commandLine(),
                    "--page-size must be from 1 to " + JobClient.MAX_PAGE_SIZE + ", not " + pageSize);
        }
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        final JobPage page = all ? everyPage(jobs) : fetch(jobs, bookmark);
        if (common().output() == OutputFormat.JSON) {
            printJson(page, out);
            return;
        }
        JobTable.rows(page.jobs(), out);
        if (page.hasMore()) {
            out.println();
            out.println("more jobs: povm job list" + filter() + " --page-size " + pageSize + " --bookmark '"
                    + Bookmarks.forDisplay(page.bookmark()) + "'");
        }
    }

    private JobPage everyPage(final JobClient jobs) {
        final List<Job> found = new ArrayList<>();
        String next = bookmark;
        do {
            final JobPage page = fetch(jobs, next);
            if (page.hasMore() && page.bookmark().equals(next)) {
                throw PovmClientException.internal("the listing returned its own bookmark again: " + next, null);
            }
            found.addAll(page.jobs());
            next = page.bookmark();
        } while (!next.isEmpty());
        return new JobPage(found, "");
    }

    private JobPage fetch(final JobClient jobs, final String from) {
        if (state != null) {
            return jobs.listByState(state, pageSize, from);
        }
        if (mine) {
            return jobs.listMine(pageSize, from);
        }
        return jobs.list(pageSize, from);
    }

    private String filter() {
        if (state != null) {
            return " --state " + state;
        }
        return mine ? " --mine" : "";
    }
}
