// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Worker;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code povm worker show KEY}: one worker as the ledger holds it. */
@Command(
        name = "show",
        header = "Show one worker.",
        mixinStandardHelpOptions = true,
        description = "Show one worker: state, offer, stake, last heartbeat, history.",
        footer = {"", "Examples:", "  povm worker show Org1MSP/w1", "  povm worker show w1 --profile org1 -o json"})
final class WorkerShowCommand extends WorkerClientCommand {
    @Parameters(index = "0", paramLabel = "KEY", description = "MSP/NAME, or a NAME of the profile's org.")
    private String key;

    WorkerShowCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        checkKey(key);
    }

    @Override
    void run(final WorkerSession session, final PrintWriter out) {
        final Worker worker = session.workers().get(resolve(key, session));
        if (common().output() == OutputFormat.JSON) {
            printJson(worker, out);
        } else {
            WorkerTable.detail(worker, out);
        }
    }
}
