// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.credit.CreditClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code povm credit mint show ID}: one mint and its approvals. */
@Command(
        name = "show",
        header = "Show a mint and its approvals.",
        mixinStandardHelpOptions = true,
        description = {"Show a mint: its account, amount, state and approvals."},
        footer = {"", "Examples:", "  povm credit mint show fund-org1-user1", "  povm credit mint show top-up-1 -o json"
        })
final class CreditMintShowCommand extends CreditClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The mint's id.")
    private String id;

    CreditMintShowCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final CreditClient credits, final PrintWriter out) {
        print(credits.mint(id), out, CreditTable::mint);
    }
}
