// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that runs a script of the checkout to its end, its output passed through: {@code network up}, {@code
 * network down}, {@code worker start}. A script that fails is exit code {@value ExitCodes#SCRIPT_FAILED}; its own
 * output above says why.
 */
abstract class ScriptCommand implements Callable<Integer>, PlainOutputCommand {
    @Option(names = "--debug", description = "Print stack traces of errors.")
    private boolean debug;

    @Spec
    private CommandSpec spec;

    private final CliContext context;

    ScriptCommand(final CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public final Integer call() {
        final String script = script();
        final List<String> args = arguments();
        final int exitCode = context.scripts()
                .run(
                        script,
                        args,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
        if (exitCode != 0) {
            throw new CliFailure(
                    ExitCodes.SCRIPT_FAILED,
                    script + " " + String.join(" ", args) + " exited with " + exitCode,
                    "its messages above say what went wrong");
        }
        return ExitCodes.OK;
    }

    /** @return the script's path inside the checkout */
    abstract String script();

    /** @return the script's arguments */
    abstract List<String> arguments();

    final CliContext context() {
        return context;
    }

    final CommandSpec spec() {
        return spec;
    }

    final boolean debug() {
        return debug;
    }
}
