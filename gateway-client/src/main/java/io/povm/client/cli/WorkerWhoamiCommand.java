// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.ErrorCode;
import io.povm.api.Worker;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code povm worker whoami}: the worker registered for the profile's identity. */
@Command(
        name = "whoami",
        header = "Show the worker registered for your identity.",
        mixinStandardHelpOptions = true,
        description = {
            "Show the worker registered for the profile's identity.",
            "In any state; not found (exit 4) when the identity is no worker."
        },
        footer = {"", "Examples:", "  povm worker whoami --profile org1-user2", "  povm worker whoami -o json"})
final class WorkerWhoamiCommand extends WorkerClientCommand {

    WorkerWhoamiCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final WorkerSession session, final PrintWriter out) {
        final Worker worker = session.workers().whoami();
        if (common().output() == OutputFormat.JSON) {
            printJson(worker, out);
        } else {
            WorkerTable.detail(worker, out);
        }
    }

    @Override
    public Optional<String> hint(final ErrorCode code) {
        if (code == ErrorCode.NOT_FOUND) {
            return Optional.of("an admin of your org registers this identity with: povm worker register");
        }
        return super.hint(code);
    }
}
