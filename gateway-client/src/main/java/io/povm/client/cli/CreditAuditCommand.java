// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.credit.CreditClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code povm credit audit}: balances + escrows + deposits against the supply. */
@Command(
        name = "audit",
        header = "Check that every credit minted is still accounted for.",
        mixinStandardHelpOptions = true,
        description = {
            "Sum every balance, escrow and challenge deposit on the ledger and compare",
            "with the minted supply: they are equal unless credits were created or lost."
        },
        footer = {"", "Examples:", "  povm credit audit", "  povm credit audit -o json"})
final class CreditAuditCommand extends CreditClientCommand {
    CreditAuditCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final CreditClient credits, final PrintWriter out) {
        print(credits.audit(), out, CreditTable::audit);
    }
}
