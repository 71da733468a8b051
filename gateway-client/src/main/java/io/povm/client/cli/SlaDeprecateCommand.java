// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.SlaStatus;
import io.povm.client.sla.SlaClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code povm sla deprecate REF}: the caller's org votes to deprecate an ACTIVE SLA. */
@Command(
        name = "deprecate",
        header = "Vote to deprecate an ACTIVE SLA for your org.",
        mixinStandardHelpOptions = true,
        description = {
            "Vote to deprecate an ACTIVE SLA for your org (needs an org admin",
            "profile). The vote that reaches the majority of member orgs makes it",
            "DEPRECATED: new jobs can no longer use it. Voting again changes nothing."
        },
        footer = {"", "Examples:", "  povm sla deprecate standard@1 --profile org1-admin"})
final class SlaDeprecateCommand extends SlaClientCommand {
    @Parameters(index = "0", paramLabel = "NAME@VERSION", description = "The SLA, e.g. standard@1.")
    private String ref;

    SlaDeprecateCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final SlaClient slas, final PrintWriter out) {
        final SlaStatus status = slas.deprecate(ref);
        if (common().output() == OutputFormat.JSON) {
            printJson(status, out);
        } else {
            SlaTable.status(status, out);
        }
    }
}
