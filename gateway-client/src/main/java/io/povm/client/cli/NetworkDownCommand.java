// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code povm network down}: {@code network/network.sh down}. */
@Command(
        name = "down",
        header = "Stop the network this checkout started.",
        mixinStandardHelpOptions = true,
        description = {
            "Stop exactly the processes 'network up' started (and the worker",
            "daemons 'worker start --all-orgs' started); --wipe also deletes",
            "$POVM_RUN_DIR: crypto material, ledgers, logs."
        },
        footer = {"", "Examples:", "  povm network down", "  povm network down --wipe"})
final class NetworkDownCommand extends ScriptCommand {
    @Option(names = "--wipe", description = "Also delete the run directory.")
    private boolean wipe;

    NetworkDownCommand(final CliContext context) {
        super(context);
    }

    @Override
    String script() {
        return "network/network.sh";
    }

    @Override
    List<String> arguments() {
        return wipe ? List.of("down", "--wipe") : List.of("down");
    }
}
