// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.clock.ClockClient;
import io.povm.client.org.MembersClient;
import io.povm.client.profile.ConnectionProfile;
import io.povm.client.profile.ProfileLocator;
import java.util.Map;

/**
 * Opens the connection {@code povm network status} reads the member orgs and the multiparty clock through. Tests pass
 * one that returns mocked clients.
 */
@FunctionalInterface
public interface NetworkLedgerFactory {
    /**
     * @param profile a profile name under {@code $POVM_RUN_DIR/profiles} or a path ending in {@code .json}
     * @throws PovmClientException when the profile cannot be used
     */
    NetworkLedgerSession open(String profile);

    /** @return a factory that connects to the profile's peer through the Fabric gateway */
    static NetworkLedgerFactory gateway(final Map<String, String> env) {
        return profile -> {
            final ConnectionProfile connection =
                    ProfileLocator.fromEnvironment(env).load(profile, env);
            final PovmGateway gateway = PovmGateway.connect(connection);
            return new NetworkLedgerSession(
                    new MembersClient(gateway.chaincode()), new ClockClient(gateway.chaincode()), gateway::close);
        };
    }
}
