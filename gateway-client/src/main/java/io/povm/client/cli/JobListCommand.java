package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code povm job list}: the jobs on the ledger in id order, one page or all of them. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List jobs in id order, one page at a time (or --all).",
        footer = {
            "",
            "Examples:",
            "  povm job list",
            "  povm job list --page-size 10 --bookmark <printed by the previous page>",
            "  povm job list --all -o json"
        })
final class JobListCommand extends ClientCommand {
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
        final JobPage page = all ? everyPage(jobs) : jobs.list(pageSize, bookmark);
        if (common().output() == OutputFormat.JSON) {
            printJson(page, out);
            return;
        }
        JobTable.rows(page.jobs(), out);
        if (page.hasMore()) {
            out.println();
            out.println("more jobs: povm job list --page-size " + pageSize + " --bookmark '"
                    + Bookmarks.forDisplay(page.bookmark()) + "'");
        }
    }

    private JobPage everyPage(final JobClient jobs) {
        final List<Job> found = new ArrayList<>();
        String next = bookmark;
        do {
            final JobPage page = jobs.list(pageSize, next);
            if (page.hasMore() && page.bookmark().equals(next)) {
                throw PovmClientException.internal("ListJobs returned its own bookmark again: " + next, null);
            }
            found.addAll(page.jobs());
            next = page.bookmark();
        } while (!next.isEmpty());
        return new JobPage(found, "");
    }
}
