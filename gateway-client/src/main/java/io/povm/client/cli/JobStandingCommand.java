// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.CustomerRecord;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code povm job standing}: a customer's record, and whether it may still submit jobs. */
@Command(
        name = "standing",
        header = "Show a customer's standing and score.",
        mixinStandardHelpOptions = true,
        description = {
            "Show a customer's standing: how many of its jobs reached a verdict, how",
            "many of those broke their SLA's limits, and the score",
            "(jobs without violation+1)/(jobs+2) against the floor 1/4 below which",
            "its new jobs are refused. Without --msp and --id: your own."
        },
        footer = {
            "",
            "Examples:",
            "  povm job standing",
            "  povm job standing --msp Org2MSP --id 'x509::CN=User1@org2.povm.test, ...::CN=ca.org2...' -o json"
        })
final class JobStandingCommand extends ClientCommand {
    @Mixin
    private AccountOptions account;

    JobStandingCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        account.check(spec(), false);
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        final CustomerRecord record = jobs.customerRecord(account.msp(), account.id());
        final View view = new View(record, Score.of(record));
        if (common().output() == OutputFormat.JSON) {
            printJson(view, out);
            return;
        }
        out.println(String.format("%-10s %s %s", "customer", record.msp(), record.id()));
        out.println(String.format(
                "%-10s %d with a verdict, %d broke their SLA's limits", "jobs", record.jobs(), record.violations()));
        out.println(String.format(
                "%-10s %s: %s",
                "standing",
                view.score().againstFloor(),
                view.score().meetsFloor() ? "may submit jobs" : "new jobs are refused"));
    }

    /** What {@code -o json} prints. */
    @JsonPropertyOrder({"record", "score"})
    record View(@JsonProperty("record") CustomerRecord record, @JsonProperty("score") Score score) {}
}
