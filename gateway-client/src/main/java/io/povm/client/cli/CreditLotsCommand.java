// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.credit.CreditClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code povm credit lots [--msp M --id ID]}: an identity's lots. */
@Command(
        name = "lots",
        header = "List the lots of an identity.",
        mixinStandardHelpOptions = true,
        description = {
            "List the lots of an identity (your own, or the one --msp and --id name): credits",
            "that one submission each spends whole (povm credit split makes them)."
        },
        footer = {"", "Examples:", "  povm credit lots", "  povm credit lots -o json"})
final class CreditLotsCommand extends CreditClientCommand {
    @Mixin
    private AccountOptions account;

    CreditLotsCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        account.check(spec(), false);
    }

    @Override
    void run(final CreditClient credits, final PrintWriter out) {
        print(credits.lots(account.msp(), account.id()), out, CreditTable::lots);
    }
}
