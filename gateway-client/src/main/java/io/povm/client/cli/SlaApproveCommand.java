// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.SlaStatus;
import io.povm.client.sla.SlaClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code povm sla approve REF}: the caller's org approves an SLA. */
@Command(
        name = "approve",
        header = "Approve an SLA for your org.",
        mixinStandardHelpOptions = true,
        description = {
            "Approve an SLA for your org (needs an org admin profile). The approval",
            "that reaches the majority of member orgs makes it ACTIVE. Approving",
            "again changes nothing."
        },
        footer = {
            "",
            "Examples:",
            "  povm sla approve standard@1 --profile org2-admin",
            "  povm sla approve standard@1 --profile org3-admin -o json"
        })
final class SlaApproveCommand extends SlaClientCommand {
    @Parameters(index = "0", paramLabel = "NAME@VERSION", description = "The SLA, e.g. standard@1.")
    private String ref;

    SlaApproveCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final SlaClient slas, final PrintWriter out) {
        final SlaStatus status = slas.approve(ref);
        if (common().output() == OutputFormat.JSON) {
            printJson(status, out);
        } else {
            SlaTable.status(status, out);
        }
    }
}
