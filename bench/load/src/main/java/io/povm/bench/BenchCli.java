// SPDX-License-Identifier: Apache-2.0
package io.povm.bench;

import io.povm.bench.container.ContainerCommand;
import io.povm.bench.idle.IdleCommand;
import io.povm.bench.load.LoadCommand;
import io.povm.bench.report.ReportCommand;
import io.povm.bench.scale.ScaleCommand;
import io.povm.bench.useful.UsefulCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The benchmarks' Java side, run by {@code scripts/bench}: load runs, the idle-cost meter and the report. */
@Command(
        name = "povm-bench",
        mixinStandardHelpOptions = true,
        description =
                "povm benchmarks (run by scripts/bench): load through the gateway, idle cost, useful share, scale,"
                        + " report",
        subcommands = {
            LoadCommand.class,
            IdleCommand.class,
            ContainerCommand.class,
            UsefulCommand.class,
            ScaleCommand.class,
            ReportCommand.class
        })
public final class BenchCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(final String[] args) {
        System.exit(new CommandLine(new BenchCli()).execute(args));
    }
}
