// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.ClockTicks;
import io.povm.api.Members;
import io.povm.client.PovmClientException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code povm network status}: the nodes as {@code network/network.sh status} sees them, then the ledger's member orgs
 * and their latest clock ticks as the profile's peer reads them.
 */
@Command(
        name = "status",
        header = "Show the network's nodes, heights and member orgs.",
        mixinStandardHelpOptions = true,
        description = {
            "Show every node of the network (pid, port, running or not), the",
            "channel heights, the committed chaincode, then what the ledger says:",
            "the member orgs with their majority threshold and each org's latest",
            "clock tick. Exit code 0 when every node runs and the ledger answers,",
            "5 otherwise."
        },
        footer = {"", "Examples:", "  povm network status", "  povm network status --profile org2 -o json"})
final class NetworkStatusCommand implements Callable<Integer>, NetworkCommand {
    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    private final CliContext context;

    NetworkStatusCommand(final CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() {
        final StringWriter scriptOut = new StringWriter();
        final PrintWriter out = spec.commandLine().getOut();
        final int scriptExit = context.scripts()
                .run(
                        "network/network.sh",
                        List.of("status"),
                        new PrintWriter(scriptOut),
                        spec.commandLine().getErr());
        final NetworkStatus status = NetworkStatus.parse(scriptOut.toString(), scriptExit == 0, readLedger());
        if (common.output() == OutputFormat.JSON) {
            ClientCommand.printJson(status, out);
        } else {
            out.print(scriptOut);
            NetworkStatus.printLedger(status, context.clock().instant(), out);
        }
        out.flush();
        return status.healthy() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }

    private NetworkStatus.Ledger readLedger() {
        try (NetworkLedgerSession session = context.ledgers().open(context.profile(common.profile()))) {
            final Optional<Members> members = session.members().find();
            final ClockTicks ticks = session.clock().ticks();
            return new NetworkStatus.Ledger(members.orElse(null), ticks.ticks(), null);
        } catch (PovmClientException e) {
            return new NetworkStatus.Ledger(null, null, e.getMessage());
        }
    }

    @Override
    public boolean debug() {
        return common.debug();
    }
}
