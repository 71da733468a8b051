// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.ErrorCode;
import io.povm.client.PovmGateway;
import io.povm.client.beacon.BeaconClient;
import io.povm.client.job.JobClient;
import io.povm.client.profile.ConnectionProfile;
import io.povm.client.profile.ProfileLocator;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * A {@code beacon} or {@code lottery} command: the options, checks and error reporting of every {@link
 * ClientCommand}, run through a {@link BeaconClient} on the profile's gateway connection.
 */
abstract class BeaconClientCommand extends ClientCommand {
    BeaconClientCommand(final CliContext context) {
        super(context);
    }

    @Override
    final void execute(final String profile, final PrintWriter out) {
        final ConnectionProfile connection = ProfileLocator.fromEnvironment(
                        context().env())
                .load(profile, context().env());
        try (PovmGateway gateway = PovmGateway.connect(connection)) {
            run(new BeaconClient(gateway.chaincode(), connection.channel()), out);
        }
    }

    /** Does the command's work and prints its result. */
    abstract void run(BeaconClient beacon, PrintWriter out);

    @Override
    final void run(final JobClient jobs, final PrintWriter out) {
        throw new IllegalStateException(getClass().getSimpleName() + " works through a BeaconClient");
    }

    @Override
    public Optional<String> hint(final ErrorCode code) {
        switch (code) {
            case NOT_FOUND:
                return Optional.of("see the latest round with: povm beacon show");
            case FORBIDDEN:
                return Optional.of("keys and config changes need an org admin profile, e.g. --profile org1-admin");
            case INVALID_STATE:
                return Optional.of("see the round's phase and what it waits for with: povm beacon show");
            default:
                return Optional.empty();
        }
    }
}
