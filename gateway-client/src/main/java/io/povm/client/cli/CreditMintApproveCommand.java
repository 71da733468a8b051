// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.credit.CreditClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code povm credit mint approve ID}: the caller's org approves a mint. */
@Command(
        name = "approve",
        header = "Approve a mint for your org.",
        mixinStandardHelpOptions = true,
        description = {
            "Approve a mint for your org (needs an org admin profile). The approval",
            "that reaches the majority of member orgs credits the account."
        },
        footer = {"", "Examples:", "  povm credit mint approve top-up-1 --profile org2-admin"})
final class CreditMintApproveCommand extends CreditClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The mint's id.")
    private String id;

    CreditMintApproveCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final CreditClient credits, final PrintWriter out) {
        print(credits.approveMint(id), out, CreditTable::mint);
    }
}
