// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.CreditTransactions;
import io.povm.client.credit.CreditClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code povm credit split --count N --amount A}: makes lots from the caller's account. */
@Command(
        name = "split",
        header = "Split credits into lots for concurrent submissions.",
        mixinStandardHelpOptions = true,
        description = {
            "Move COUNT x AMOUNT credits from your account into COUNT lots of AMOUNT.",
            "Each lot funds one batch submission (SubmitJobs) that does not conflict",
            "with your other submissions: concurrent submissions from one account",
            "would. Prints the lots made."
        },
        footer = {"", "Examples:", "  povm credit split --count 50 --amount 40000", "  povm credit lots"})
final class CreditSplitCommand extends CreditClientCommand {
    @Option(names = "--count", required = true, paramLabel = "N", description = "Lots to make, 1 to 500.")
    private int count;

    @Option(names = "--amount", required = true, paramLabel = "A", description = "Credits in each lot, 1 or more.")
    private long amount;

    CreditSplitCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        if (count < 1 || count > CreditTransactions.MAX_SPLIT) {
            throw new ParameterException(
                    spec().commandLine(), "--count must be 1 to " + CreditTransactions.MAX_SPLIT + "; got " + count);
        }
        if (amount < 1) {
            throw new ParameterException(spec().commandLine(), "--amount must be 1 or more credits; got " + amount);
        }
    }

    @Override
    void run(final CreditClient credits, final PrintWriter out) {
        print(credits.split(count, amount), out, CreditTable::lots);
    }
}
