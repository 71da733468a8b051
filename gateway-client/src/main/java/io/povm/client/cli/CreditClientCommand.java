// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.ErrorCode;
import io.povm.client.credit.CreditClient;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * A {@code credit} command: the options, checks and error reporting of every {@link ClientCommand}, run through a
 * {@link CreditClient} opened by {@link CliContext#creditClients()}.
 */
abstract class CreditClientCommand extends ClientCommand {
    CreditClientCommand(final CliContext context) {
        super(context);
    }

    @Override
    final void execute(final String profile, final PrintWriter out) {
        try (CreditSession session = context().creditClients().open(profile)) {
            run(session.credits(), out);
        }
    }

    /** Does the command's work and prints its result. */
    abstract void run(CreditClient credits, PrintWriter out);

    /** Never called: {@link #execute} runs {@link #run(CreditClient, PrintWriter)} instead. */
    @Override
    final void run(final JobClient jobs, final PrintWriter out) {
        throw new IllegalStateException(getClass().getSimpleName() + " works through a CreditClient");
    }

    @Override
    public Optional<String> hint(final ErrorCode code) {
        switch (code) {
            case INSUFFICIENT_FUNDS:
                return Optional.of("see your balance with: povm credit balance");
            case FORBIDDEN:
                return Optional.of("mints need the admin profile of a member org, e.g. --profile org1-admin");
            case NOT_FOUND:
                return Optional.of("mints are read with povm credit mint show ID; jobs settle once final");
            case INVALID_STATE:
                return Optional.of("see the mint's approvals with: povm credit mint show ID");
            default:
                return Optional.empty();
        }
    }
}
