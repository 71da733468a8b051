// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.ErrorCode;
import io.povm.client.PovmClientException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's error as one {@code error: ...} line on stderr, plus a {@code hint: ...} line where
 * there is something to try, and returns its exit code. Stack traces only with {@code --debug}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(final Exception e, final CommandLine command, final ParseResult parsed) {
        final PrintWriter err = command.getErr();
        final Optional<NetworkCommand> network = command.getCommand() instanceof NetworkCommand
                ? Optional.of((NetworkCommand) command.getCommand())
                : Optional.empty();
        final boolean debug = network.map(NetworkCommand::debug).orElse(false) || debugRequested(parsed);
        final int exitCode;
        if (e instanceof PovmClientException) {
            final PovmClientException failure = (PovmClientException) e;
            err.println("error: " + failure.getMessage());
            hint(failure, network).ifPresent(hint -> err.println("hint: " + hint));
            exitCode = ExitCodes.of(failure);
        } else if (e instanceof CliFailure) {
            final CliFailure failure = (CliFailure) e;
            err.println("error: " + failure.getMessage());
            failure.hint().ifPresent(hint -> err.println("hint: " + hint));
            exitCode = failure.exitCode();
        } else {
            err.println("error: internal error: " + e);
            if (!debug) {
                err.println("hint: run the command again with --debug for details");
            }
            exitCode = ExitCodes.INTERNAL;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    /** @return whether {@code --debug} was given to the command that ran, including one that is no NetworkCommand */
    private static boolean debugRequested(final ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> hint(final PovmClientException e, final Optional<NetworkCommand> command) {
        if (e.hint().isPresent()) {
            return e.hint();
        }
        if (e.kind() == PovmClientException.Kind.COMMIT_FAILED) {
            return Optional.of("run the command again; resubmitting an identical job is harmless");
        }
        final Optional<String> own = e.errorCode().flatMap(code -> command.flatMap(network -> network.hint(code)));
        return own.isPresent() ? own : e.errorCode().flatMap(ErrorReporter::hint);
    }

    private static Optional<String> hint(final ErrorCode code) {
        switch (code) {
            case DUPLICATE_ID:
                return Optional.of("choose another --id; resubmitting the identical spec returns the stored job");
            case NOT_FOUND:
                return Optional.of("list the jobs with: povm job list");
            case INVALID_STATE:
                return Optional.of("check the current state (a job's: povm job get ID); docs/job-lifecycle.md lists"
                        + " what each job state allows");
            case INTERNAL:
                return Optional.of("the chaincode failed; its log holds the details");
            default:
                return Optional.empty();
        }
    }
}
