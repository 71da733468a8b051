// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Sla;
import io.povm.api.SlaVotes;
import io.povm.client.sla.SlaClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code povm sla show REF}: one SLA's terms and state, with its votes. */
@Command(
        name = "show",
        header = "Show one SLA, its state and its votes.",
        mixinStandardHelpOptions = true,
        description = {
            "Show one SLA: its terms, its state and who voted for it. With -o json,",
            "the SLA as the ledger holds it (or, with --votes, its votes)."
        },
        footer = {
            "",
            "Examples:",
            "  povm sla show standard@1",
            "  povm sla show standard@1 -o json",
            "  povm sla show standard@1 --votes -o json"
        })
final class SlaShowCommand extends SlaClientCommand {
    @Parameters(index = "0", paramLabel = "NAME@VERSION", description = "The SLA, e.g. standard@1.")
    private String ref;

    @Option(names = "--votes", description = "Only the SLA's approvals and deprecation votes.")
    private boolean votesOnly;

    SlaShowCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final SlaClient slas, final PrintWriter out) {
        final boolean json = common().output() == OutputFormat.JSON;
        if (votesOnly) {
            final SlaVotes votes = slas.votes(ref);
            if (json) {
                printJson(votes, out);
            } else {
                SlaTable.votes(votes, out);
            }
            return;
        }
        final Sla sla = slas.get(ref);
        if (json) {
            printJson(sla, out);
            return;
        }
        SlaTable.detail(sla, out);
        SlaTable.votes(slas.votes(ref), out);
    }
}
