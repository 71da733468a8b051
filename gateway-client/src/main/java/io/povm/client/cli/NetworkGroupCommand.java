// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Command;

/**
 * {@code povm network}: the group that starts, stops and shows the local Fabric network; alone it is a usage error.
 * (Named so, not {@code NetworkCommand}, which is what {@link ErrorReporter} asks of a command that talks to one.)
 */
@Command(
        name = "network",
        header = "Start, stop and show the local Fabric network.",
        mixinStandardHelpOptions = true,
        description = {
            "Start, stop and show the Fabric network of this checkout: 3 orgs, Raft",
            "orderers, the povm chaincode (network/network.sh does the work)."
        },
        footer = {
            "",
            "Examples:",
            "  povm network up",
            "  POVM_RUN_DIR=/tmp/povm-run povm network up --base-port 8100 --orderers 1",
            "  povm network status -o json",
            "  povm network down --wipe"
        })
final class NetworkGroupCommand extends CommandGroup {}
