// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.ErrorCode;
import io.povm.client.job.JobClient;
import io.povm.client.sla.SlaClient;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * An {@code sla} command: the options, checks and error reporting of every {@link ClientCommand}, run through an
 * {@link SlaClient} opened by {@link CliContext#slaClients()}.
 */
abstract class SlaClientCommand extends ClientCommand {
    SlaClientCommand(final CliContext context) {
        super(context);
    }

    @Override
    final void execute(final String profile, final PrintWriter out) {
        try (SlaSession session = context().slaClients().open(profile)) {
            run(session.slas(), out);
        }
    }

    /** Does the command's work and prints its result. */
    abstract void run(SlaClient slas, PrintWriter out);

    /** Never called: {@link #execute} runs {@link #run(SlaClient, PrintWriter)} instead. */
    @Override
    final void run(final JobClient jobs, final PrintWriter out) {
        throw new IllegalStateException(getClass().getSimpleName() + " works through an SlaClient");
    }

    @Override
    public Optional<String> hint(final ErrorCode code) {
        switch (code) {
            case NOT_FOUND:
                return Optional.of("list the SLAs with: povm sla list");
            case FORBIDDEN:
                return Optional.of("SLA governance needs the admin profile of a member org, e.g. --profile org1-admin");
            case DUPLICATE_ID:
                return Optional.of("terms never change: propose a new version, or approve the existing one with"
                        + " povm sla approve NAME@VERSION");
            case INVALID_STATE:
                return Optional.of("see the SLA's state and votes with: povm sla show NAME@VERSION");
            default:
                return Optional.empty();
        }
    }
}
