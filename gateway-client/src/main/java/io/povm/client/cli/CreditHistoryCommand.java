// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.credit.CreditClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code povm credit history [--msp M --id ID]}: every change of one account. */
@Command(
        name = "history",
        header = "Show every committed change of an account.",
        mixinStandardHelpOptions = true,
        description = {"Show every committed change of an account, newest first: transaction,", "time, balance, why."},
        footer = {
            "",
            "Examples:",
            "  povm credit history",
            "  povm credit history --msp Org2MSP --id 'x509::...' -o json"
        })
final class CreditHistoryCommand extends CreditClientCommand {
    @Mixin
    private AccountOptions account;

    CreditHistoryCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        account.check(spec(), false);
    }

    @Override
    void run(final CreditClient credits, final PrintWriter out) {
        print(credits.history(account.msp(), account.id()), out, CreditTable::history);
    }
}
