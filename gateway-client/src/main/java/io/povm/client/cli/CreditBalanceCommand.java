// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.credit.CreditClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code povm credit balance [--msp M --id ID]}: one account's balance. */
@Command(
        name = "balance",
        header = "Show an account's balance.",
        mixinStandardHelpOptions = true,
        description = {"Show an account's balance: your own, or the one --msp and --id name."},
        footer = {
            "",
            "Examples:",
            "  povm credit balance",
            "  povm credit balance --profile org2-user2 -o json",
            "  povm credit balance --msp Org2MSP --id 'x509::CN=User1@org2.povm.test, ...::CN=ca.org2...'"
        })
final class CreditBalanceCommand extends CreditClientCommand {
    @Mixin
    private AccountOptions account;

    CreditBalanceCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        account.check(spec(), false);
    }

    @Override
    void run(final CreditClient credits, final PrintWriter out) {
        print(credits.balance(account.msp(), account.id()), out, CreditTable::account);
    }
}
