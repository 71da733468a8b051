// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.credit.CreditClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code povm credit transfer --msp M --id ID AMOUNT}: moves the caller's credits. */
@Command(
        name = "transfer",
        header = "Move credits to another account.",
        mixinStandardHelpOptions = true,
        description = {
            "Move credits from your account to the one --msp and --id name, e.g. to",
            "fund a customer or worker of your org. Prints your account after it."
        },
        footer = {"", "Examples:", "  povm credit transfer --msp Org2MSP --id 'x509::CN=User1@org2...' 1000"})
final class CreditTransferCommand extends CreditClientCommand {
    @Mixin
    private AccountOptions account;

    @Parameters(index = "0", paramLabel = "AMOUNT", description = "Whole credits, 1 or more.")
    private long amount;

    CreditTransferCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        account.check(spec(), true);
        if (amount < 1) {
            throw new ParameterException(spec().commandLine(), "AMOUNT must be 1 or more credits; got " + amount);
        }
    }

    @Override
    void run(final CreditClient credits, final PrintWriter out) {
        print(credits.transfer(account.msp(), account.id(), amount), out, CreditTable::account);
    }
}
