// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.ErrorCode;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.WorkerKey;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A {@code povm worker} command: checks its arguments, opens the profile's connection, runs through a {@link
 * io.povm.client.worker.WorkerClient}, closes the connection. Like {@link ClientCommand}, with the worker
 * registry's hints for chaincode errors.
 */
abstract class WorkerClientCommand implements Callable<Integer>, NetworkCommand {
    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    private final CliContext context;

    WorkerClientCommand(final CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public final Integer call() {
        prepare();
        try (WorkerSession session = context.workerClients().open(context.profile(common.profile()))) {
            run(session, spec.commandLine().getOut());
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** Checks and reads the arguments before any connection is opened; throw ParameterException for bad usage. */
    void prepare() {}

    /** Does the command's work and prints its result. */
    abstract void run(WorkerSession session, PrintWriter out);

    @Override
    public final boolean debug() {
        return common.debug();
    }

    @Override
    public Optional<String> hint(final ErrorCode code) {
        switch (code) {
            case NOT_FOUND:
                return Optional.of("list the workers with: povm worker list");
            case FORBIDDEN:
                return Optional.of("org admins (--profile orgN-admin) register, re-offer and revoke their own org's"
                        + " workers; a worker (e.g. --profile orgN-user2) pauses, resumes and deregisters itself");
            case DUPLICATE_ID:
                return Optional.of("a registered worker's offer changes with: povm worker update-offer");
            case INVALID_STATE:
                return Optional.of("DEREGISTERED and REVOKED workers never change again; see: povm worker show KEY");
            default:
                return Optional.empty();
        }
    }

    final CommonOptions common() {
        return common;
    }

    final CliContext context() {
        return context;
    }

    final CommandSpec spec() {
        return spec;
    }

    /** Prints a value as compact JSON on one line. */
    static void printJson(final Object value, final PrintWriter out) {
        out.println(PovmJson.write(value));
    }

    /** Checks a {@code MSP/NAME} or bare {@code NAME} argument; a usage error when it is neither. */
    final void checkKey(final String key) {
        try {
            if (key.contains("/")) {
                WorkerKey.parse(key, "KEY");
            } else {
                WorkerKey.validateName(key, "KEY");
            }
        } catch (PovmException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "KEY must be MSP/NAME (e.g. Org1MSP/w1) or a NAME of your profile's org: " + key);
        }
    }

    /** @return the key, a bare name meaning a worker of the profile's own org */
    static WorkerKey resolve(final String key, final WorkerSession session) {
        return key.contains("/") ? WorkerKey.parse(key, "KEY") : WorkerKey.of(session.mspId(), key);
    }

    /** Reads a file named by an option, or stdin for {@code -}; a usage error when it cannot be read. */
    final String readFile(final String option, final String file) {
        return CliFiles.read(spec, context, option, file);
    }
}
