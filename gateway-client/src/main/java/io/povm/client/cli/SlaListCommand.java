// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.SlaPage;
import io.povm.api.SlaState;
import io.povm.client.sla.SlaClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code povm sla list}: the SLAs in name and version order, all or in one state, one page or all of them. */
@Command(
        name = "list",
        header = "List SLAs.",
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
    @Mixin
    private final PagingOptions paging = new PagingOptions();

    @Option(
            names = "--state",
            paramLabel = "STATE",
            description = "Only SLAs in this state: ${COMPLETION-CANDIDATES} (default: every state).")
    private SlaState state;

    SlaListCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        paging.check(spec().commandLine());
    }

    @Override
    void run(final SlaClient slas, final PrintWriter out) {
        final SlaPage page = paging.all()
                ? new SlaPage(paging.everyItem(from -> page(slas, from), "sla:List"), "")
                : page(slas, paging.bookmark());
        if (common().output() == OutputFormat.JSON) {
            printJson(page, out);
            return;
        }
        SlaTable.rows(page.slas(), out);
        if (page.hasMore()) {
            out.println();
            out.println("more SLAs: povm sla list"
                    + (state == null ? "" : " --state " + state.name().toLowerCase()) + " --page-size "
                    + paging.pageSize()
                    + " --bookmark '" + Bookmarks.forDisplay(page.bookmark()) + "'");
        }
    }

    private SlaPage page(final SlaClient slas, final String from) {
        return state == null ? slas.list(paging.pageSize(), from) : slas.list(state, paging.pageSize(), from);
    }
}
