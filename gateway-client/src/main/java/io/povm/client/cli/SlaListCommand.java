package io.povm.client.cli;

import io.povm.api.Sla;
import io.povm.api.SlaPage;
import io.povm.api.SlaState;
import io.povm.client.PovmClientException;
import io.povm.client.sla.SlaClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code povm sla list}: the SLAs in name and version order, all or in one state, one page or all of them. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List SLAs in name and version order, one page at a time (or --all).",
        footer = {
            "",
            "Examples:",
            "  povm sla list",
            "  povm sla list --state active",
            "  povm sla list --state proposed --all -o json"
        })
final class SlaListCommand extends SlaClientCommand {
    @Option(
            names = "--state",
            paramLabel = "STATE",
            description = "Only SLAs in this state: ${COMPLETION-CANDIDATES} (default: every state).")
    private SlaState state;

    @Option(
            names = "--page-size",
            paramLabel = "N",
            defaultValue = "50",
            description = "SLAs per page, 1 to " + SlaClient.MAX_PAGE_SIZE + " (default: ${DEFAULT-VALUE}).")
    private int pageSize;

    @Option(
            names = "--bookmark",
            paramLabel = "B",
            defaultValue = "",
            description = "Where the page starts: the bookmark the previous page printed.")
    private String bookmarkOption;

    @Option(names = "--all", description = "Every page, one after the other.")
    private boolean all;

    private String bookmark;

    SlaListCommand(final CliContext context) {
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
        if (pageSize < 1 || pageSize > SlaClient.MAX_PAGE_SIZE) {
            throw new ParameterException(
                    spec().commandLine(),
                    "--page-size must be from 1 to " + SlaClient.MAX_PAGE_SIZE + ", not " + pageSize);
        }
    }

    @Override
    void run(final SlaClient slas, final PrintWriter out) {
        final SlaPage page = all ? everyPage(slas) : page(slas, bookmark);
        if (common().output() == OutputFormat.JSON) {
            printJson(page, out);
            return;
        }
        SlaTable.rows(page.slas(), out);
        if (page.hasMore()) {
            out.println();
            out.println("more SLAs: povm sla list"
                    + (state == null ? "" : " --state " + state.name().toLowerCase()) + " --page-size " + pageSize
                    + " --bookmark '" + Bookmarks.forDisplay(page.bookmark()) + "'");
        }
    }

    private SlaPage page(final SlaClient slas, final String from) {
        return state == null ? slas.list(pageSize, from) : slas.list(state, pageSize, from);
    }

    private SlaPage everyPage(final SlaClient slas) {
        final List<Sla> found = new ArrayList<>();
        String next = bookmark;
        do {
            final SlaPage page = page(slas, next);
            if (page.hasMore() && page.bookmark().equals(next)) {
                throw PovmClientException.internal("sla:List returned its own bookmark again: " + next, null);
            }
            found.addAll(page.slas());
            next = page.bookmark();
        } while (!next.isEmpty());
        return new SlaPage(found, "");
    }
}
