// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.PovmException;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerPage;
import io.povm.api.WorkerState;
import io.povm.client.worker.WorkerClient;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code povm worker list}: workers in (MSP, name) order, for one org or all, in one state or any. */
@Command(
        name = "list",
        header = "List workers.",
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
    @Mixin
    private final PagingOptions paging = new PagingOptions();

    @Option(names = "--org", paramLabel = "MSP", description = "Only this org's workers, e.g. Org1MSP.")
    private String org;

    @Option(
            names = "--state",
            paramLabel = "STATE",
            description = "Only workers in this state: ${COMPLETION-CANDIDATES}.")
    private WorkerState state;

    WorkerListCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        paging.check(spec().commandLine());
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
        final WorkerPage page = paging.all()
                ? new WorkerPage(paging.everyItem(from -> page(session.workers(), from), "worker:List"), "")
                : page(session.workers(), paging.bookmark());
        if (common().output() == OutputFormat.JSON) {
            printJson(page, out);
            return;
        }
        WorkerTable.rows(page.workers(), out);
        if (page.hasMore()) {
            out.println();
            out.println("more workers: povm worker list" + (org == null ? "" : " --org " + org)
                    + (state == null ? "" : " --state " + state) + " --page-size " + paging.pageSize() + " --bookmark '"
                    + Bookmarks.forDisplay(page.bookmark()) + "'");
        }
    }

    private WorkerPage page(final WorkerClient workers, final String from) {
        return workers.list(Optional.ofNullable(org), Optional.ofNullable(state), paging.pageSize(), from);
    }
}
