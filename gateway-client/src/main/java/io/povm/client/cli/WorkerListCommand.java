package io.povm.client.cli;

import io.povm.api.PovmException;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerPage;
import io.povm.api.WorkerState;
import io.povm.client.PovmClientException;
import io.povm.client.worker.WorkerClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code povm worker list}: workers in (MSP, name) order, for one org or all, in one state or any. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List workers in key order, one page at a time (or --all).",
        footer = {
            "",
            "Examples:",
            "  povm worker list",
            "  povm worker list --org Org2MSP --state PAUSED",
            "  povm worker list --state ACTIVE --all -o json"
        })
final class WorkerListCommand extends WorkerClientCommand {
    @Option(names = "--org", paramLabel = "MSP", description = "Only this org's workers, e.g. Org1MSP.")
    private String org;

    @Option(
            names = "--state",
            paramLabel = "STATE",
            description = "Only workers in this state: ${COMPLETION-CANDIDATES}.")
    private WorkerState state;

    @Option(
            names = "--page-size",
            paramLabel = "N",
            defaultValue = "50",
            description = "Workers per page, 1 to " + WorkerClient.MAX_PAGE_SIZE + " (default: ${DEFAULT-VALUE}).")
    private int pageSize;

    @Option(
            names = "--bookmark",
            paramLabel = "B",
            defaultValue = "",
            description = "Where the page starts: the bookmark the previous page printed.")
    private String bookmarkOption;

    @Option(names = "--all", description = "Fetch every page; with -o json, print them as one page.")
    private boolean all;

    private String bookmark;

    WorkerListCommand(final CliContext context) {
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
        if (pageSize < 1 || pageSize > WorkerClient.MAX_PAGE_SIZE) {
            throw new ParameterException(
                    spec().commandLine(),
                    "--page-size must be from 1 to " + WorkerClient.MAX_PAGE_SIZE + ", not " + pageSize);
        }
        if (org != null) {
            try {
                WorkerKey.validateMsp(org, "org");
            } catch (PovmException e) {
                throw new ParameterException(spec().commandLine(), "--org must be an MSP id, e.g. Org1MSP: " + org);
            }
        }
    }

    @Override
    void run(final WorkerSession session, final PrintWriter out) {
        final WorkerPage page = all ? everyPage(session.workers()) : page(session.workers(), bookmark);
        if (common().output() == OutputFormat.JSON) {
            printJson(page, out);
            return;
        }
        WorkerTable.rows(page.workers(), out);
        if (page.hasMore()) {
            out.println();
            out.println("more workers: povm worker list" + (org == null ? "" : " --org " + org)
                    + (state == null ? "" : " --state " + state) + " --page-size " + pageSize + " --bookmark '"
                    + Bookmarks.forDisplay(page.bookmark()) + "'");
        }
    }

    private WorkerPage page(final WorkerClient workers, final String from) {
        return workers.list(Optional.ofNullable(org), Optional.ofNullable(state), pageSize, from);
    }

    private WorkerPage everyPage(final WorkerClient workers) {
        final List<Worker> found = new ArrayList<>();
        String next = bookmark;
        do {
            final WorkerPage page = page(workers, next);
            if (page.hasMore() && page.bookmark().equals(next)) {
                throw PovmClientException.internal("worker:List returned its own bookmark again: " + next, null);
            }
            found.addAll(page.workers());
            next = page.bookmark();
        } while (!next.isEmpty());
        return new WorkerPage(found, "");
    }
}
