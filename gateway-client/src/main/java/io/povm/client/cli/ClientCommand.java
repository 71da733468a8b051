// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.PovmJson;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works through a {@link JobClient}: checks its arguments, opens the profile's connection, runs,
 * closes the connection. Failures propagate to {@link ErrorReporter}, which prints them and picks the exit code.
 */
abstract class ClientCommand implements Callable<Integer>, NetworkCommand {
    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    private final CliContext context;

    ClientCommand(final CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public final Integer call() {
        prepare();
        execute(profile(), spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return exitCode();
    }

    /** @return the exit code of a command that ran without an exception; {@link ExitCodes#OK} unless overridden */
    int exitCode() {
        return ExitCodes.OK;
    }

    /** Checks and reads the arguments before any connection is opened; throw ParameterException for bad usage. */
    void prepare() {}

    /** Opens the profile's connection, runs, closes it; commands of other domains open their own client here. */
    void execute(final String profile, final PrintWriter out) {
        try (JobSession session = context.jobClients().open(profile)) {
            run(session.jobs(), out);
        }
    }

    /** Does the command's work and prints its result. */
    abstract void run(JobClient jobs, PrintWriter out);

    final CommonOptions common() {
        return common;
    }

    @Override
    public final boolean debug() {
        return common.debug();
    }

    /** @return the profile the command connects with: --profile, else $POVM_PROFILE, else the default */
    final String profile() {
        return context.profile(common.profile());
    }

    final CliContext context() {
        return context;
    }

    final CommandSpec spec() {
        return spec;
    }

    /** Prints a value as JSON with {@code -o json}, else as the table printer does. */
    final <T> void print(
            final T value, final PrintWriter out, final java.util.function.BiConsumer<T, PrintWriter> table) {
        if (common.output() == OutputFormat.JSON) {
            printJson(value, out);
        } else {
            table.accept(value, out);
        }
    }

    /** Prints a value as compact JSON on one line. */
    static void printJson(final Object value, final PrintWriter out) {
        out.println(PovmJson.write(value));
    }
}
