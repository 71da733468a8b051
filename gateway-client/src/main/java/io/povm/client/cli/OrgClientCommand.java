// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.ErrorCode;
import io.povm.client.job.JobClient;
import io.povm.client.org.MembersClient;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * An {@code org} command: the options, checks and error reporting of every {@link ClientCommand}, run through the
 * {@link MembersClient} of a session opened by {@link CliContext#ledgers()}.
 */
abstract class OrgClientCommand extends ClientCommand {
    OrgClientCommand(final CliContext context) {
        super(context);
    }

    @Override
    final void execute(final String profile, final PrintWriter out) {
        try (NetworkLedgerSession session = context().ledgers().open(profile)) {
            run(session.members(), out);
        }
    }

    /** Does the command's work and prints its result. */
    abstract void run(MembersClient members, PrintWriter out);

    /** Never called: {@link #execute} runs {@link #run(MembersClient, PrintWriter)} instead. */
    @Override
    final void run(final JobClient jobs, final PrintWriter out) {
        throw new IllegalStateException(getClass().getSimpleName() + " works through a MembersClient");
    }

    @Override
    public Optional<String> hint(final ErrorCode code) {
        switch (code) {
            case FORBIDDEN:
                return Optional.of("member votes need the admin profile of a member org, e.g. --profile org2-admin");
            case NOT_FOUND:
                return Optional.of("nobody proposed that org; an org admin proposes it with: povm org propose MSP");
            case INVALID_STATE:
            case DUPLICATE_ID:
                return Optional.of("see the members with povm org members, a proposal's votes with povm org show MSP");
            default:
                return Optional.empty();
        }
    }
}
