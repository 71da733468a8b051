// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.credit.CreditClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code povm credit mint propose ID --msp M --id FID --amount N [--reason TEXT]}. */
@Command(
        name = "propose",
        header = "Propose a mint of credits to an account.",
        mixinStandardHelpOptions = true,
        description = {
            "Propose a mint of --amount credits to an account (needs an org admin",
            "profile; counts as your org's approval)."
        },
        footer = {
            "",
            "Examples:",
            "  povm credit mint propose top-up-1 --msp Org1MSP --id 'x509::...' --amount 5000 \\",
            "      --reason 'pilot customer' --profile org1-admin"
        })
final class CreditMintProposeCommand extends CreditClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The mint's id, e.g. top-up-1.")
    private String id;

    @Mixin
    private AccountOptions account;

    @Option(names = "--amount", required = true, paramLabel = "N", description = "Credits to create, 1 to 10^12.")
    private long amount;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, one line (default: empty).")
    private String reason = "";

    CreditMintProposeCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        account.check(spec(), true);
        if (amount < 1) {
            throw new ParameterException(spec().commandLine(), "--amount must be 1 or more credits; got " + amount);
        }
    }

    @Override
    void run(final CreditClient credits, final PrintWriter out) {
        print(credits.proposeMint(id, account.msp(), account.id(), amount, reason), out, CreditTable::mint);
    }
}
