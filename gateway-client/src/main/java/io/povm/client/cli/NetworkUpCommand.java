// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code povm network up}: {@code network/network.sh up}. */
@Command(
        name = "up",
        header = "Start the network with the chaincode deployed.",
        mixinStandardHelpOptions = true,
        description = {
            "Start the network in $POVM_RUN_DIR: crypto material, channel, every",
            "node, the chaincode, the default SLA and funded client identities. A",
            "running network is left as it is."
        },
        footer = {
            "",
            "Examples:",
            "  povm network up",
            "  POVM_RUN_DIR=/tmp/povm-run povm network up --base-port 8100 --orderers 1"
        })
final class NetworkUpCommand extends ScriptCommand {
    @Option(names = "--orderers", paramLabel = "N", description = "Raft orderers: 3 (default) or 1.")
    private Integer orderers;

    @Option(
            names = "--base-port",
            paramLabel = "PORT",
            description = "First port of the network's port range (default 7000); see network/README.md.")
    private Integer basePort;

    NetworkUpCommand(final CliContext context) {
        super(context);
    }

    @Override
    String script() {
        return "network/network.sh";
    }

    @Override
    List<String> arguments() {
        final List<String> args = new ArrayList<>(List.of("up"));
        if (orderers != null) {
            args.addAll(List.of("--orderers", orderers.toString()));
        }
        if (basePort != null) {
            args.addAll(List.of("--base-port", basePort.toString()));
        }
        return args;
    }
}
