// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a usage error (unknown command or option, missing or bad value) the way kubectl does: one {@code error:}
 * line, a {@code did you mean} line when a command or option is close to what was typed, and where to find the
 * usage. A command group without a subcommand also prints its usage, which lists the subcommands. Exit code 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(final ParameterException e, final String[] args) {
        final CommandLine command = e.getCommandLine();
        final PrintWriter err = command.getErr();
        final String name = command.getCommandSpec().qualifiedName();
        final boolean group = !command.getSubcommands().isEmpty();
        if (e instanceof UnmatchedArgumentException unmatched) {
            final List<String> typed = unmatched.getUnmatched();
            if (group && !typed.isEmpty() && !typed.get(0).startsWith("-")) {
                err.println("error: unknown command '" + typed.get(0) + "' for '" + name + "'");
            } else {
                err.println("error: " + e.getMessage());
            }
            final List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                err.println("did you mean: " + String.join(" or ", suggestions) + "?");
            }
        } else {
            err.println("error: " + e.getMessage());
            if (group) {
                command.usage(err);
            }
        }
        err.println("see '" + name + " --help' for usage and examples");
        err.flush();
        return ExitCodes.USAGE;
    }
}
