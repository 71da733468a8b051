// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code povm worker start}: runs one worker daemon in the foreground ({@code scripts/povm-worker start}), or one per
 * org of the local network in the background ({@code scripts/workers.sh start}).
 */
@Command(
        name = "start",
        header = "Start worker daemons.",
        mixinStandardHelpOptions = true,
        description = {
            "Start a worker daemon: with --config, this org's daemon in the",
            "foreground until Ctrl-C or SIGTERM (it then drains: finishes or gives",
            "back its replicas); with --all-orgs, one daemon per org of the local",
            "network in the background (each registered first as worker w1 of its",
            "org), stopped by 'povm network down'. docs/workers.md describes the",
            "config file."
        },
        footer = {
            "",
            "Examples:",
            "  povm worker start --config org1-worker.yaml",
            "  povm worker start --all-orgs",
            "",
            "Environment (--all-orgs): POVM_WORKER_SLOTS (default 2)"
        })
final class WorkerStartCommand extends ScriptCommand {
    @Option(names = "--config", paramLabel = "FILE", description = "The daemon's YAML config file.")
    private String config;

    @Option(
            names = "--all-orgs",
            description = "One daemon per org of the local network, in the background (scripts/workers.sh start).")
    private boolean allOrgs;

    WorkerStartCommand(final CliContext context) {
        super(context);
    }

    @Override
    String script() {
        check();
        return allOrgs ? "scripts/workers.sh" : "scripts/povm-worker";
    }

    @Override
    List<String> arguments() {
        return allOrgs ? List.of("start") : List.of("start", "--config", config);
    }

    private void check() {
        if (allOrgs == (config != null)) {
            throw new ParameterException(
                    spec().commandLine(), "give either --config FILE (one daemon) or --all-orgs (one per org)");
        }
    }
}
