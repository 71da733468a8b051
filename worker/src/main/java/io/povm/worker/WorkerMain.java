// SPDX-License-Identifier: Apache-2.0
package io.povm.worker;

import io.povm.worker.cli.CliEnvironment;
import io.povm.worker.cli.StartCommand;
import io.povm.worker.cli.StatusCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code povm-worker}: the per-organisation worker daemon's command line.
 *
 * <pre>{@code
 * int exitCode = WorkerMain.commandLine(CliEnvironment.system()).execute("status", "--url", "http://127.0.0.1:9464");
 * }</pre>
 */
@Command(
        name = "povm-worker",
        mixinStandardHelpOptions = true,
        versionProvider = WorkerMain.Version.class,
        subcommands = {StartCommand.class, StatusCommand.class, CommandLine.HelpCommand.class},
        description = "The povm worker daemon: runs job replicas assigned to this organisation in Docker sandboxes.",
        footer = {
            "",
            "Exit codes:",
            "  0  ok (status: the daemon is UP)",
            "  1  internal error",
            "  2  usage error",
            "  3  invalid configuration",
            "  4  cannot start here: data directory or port unusable (e.g. another",
            "     worker holds it), no Docker engine answers, or the identity is not",
            "     the registered worker the configuration names",
            "  5  status: no daemon answered",
            "  6  status: the daemon is DRAINING or DOWN"
        })
public final class WorkerMain implements Callable<Integer> {
    /** Picks the log format of logback.xml: {@code text} (default) or {@code json}. */
    public static final String LOG_FORMAT = "POVM_LOG_FORMAT";

    @Spec
    private CommandSpec spec;

    /** @return the command line, its commands built with {@code environment} */
    public static CommandLine commandLine(final CliEnvironment environment) {
        final CommandLine.IFactory defaults = CommandLine.defaultFactory();
        final CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(final Class<K> type) throws Exception {
                if (type == StartCommand.class) {
                    return type.cast(new StartCommand(environment));
                } else if (type == StatusCommand.class) {
                    return type.cast(new StatusCommand(environment));
                }
                return defaults.create(type);
            }
        };
        return new CommandLine(new WorkerMain(), factory).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(final String[] args) {
        final String format = System.getenv().getOrDefault(LOG_FORMAT, "text");
        if (!"text".equals(format) && !"json".equals(format)) {
            // before the first log line: logback would otherwise attach no appender and log nothing
            System.err.println("povm-worker: " + LOG_FORMAT + " must be text or json, was '" + format + "'");
            System.exit(CommandLine.ExitCode.USAGE);
        }
        System.exit(commandLine(CliEnvironment.system()).execute(args));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String version = WorkerMain.class.getPackage().getImplementationVersion();
            return new String[] {"povm-worker " + (version == null ? "(development build)" : version)};
        }
    }
}
