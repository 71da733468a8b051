// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.credit.CreditClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code povm credit settlement JOB}: how a final job's credits were paid out. */
@Command(
        name = "settlement",
        header = "Show how a final job's escrow was paid out.",
        mixinStandardHelpOptions = true,
        description = {
            "Show how a job's escrow and deposits were paid out once it became final:",
            "every payout and refund, with the amount and why."
        },
        footer = {
            "",
            "Examples:",
            "  povm credit settlement job-1a2b3c4d",
            "  povm credit settlement job-1a2b3c4d -o json"
        })
final class CreditSettlementCommand extends CreditClientCommand {
    @Parameters(index = "0", paramLabel = "JOB", description = "The job id.")
    private String jobId;

    CreditSettlementCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final CreditClient credits, final PrintWriter out) {
        print(credits.settlement(jobId), out, CreditTable::settlement);
    }
}
