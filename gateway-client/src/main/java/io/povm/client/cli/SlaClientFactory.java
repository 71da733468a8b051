// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.profile.ConnectionProfile;
import io.povm.client.profile.ProfileLocator;
import io.povm.client.sla.SlaClient;
import java.util.Map;

/**
 * Opens the connection an {@code sla} command works through. The command line uses {@link #gateway(Map)}; tests pass
 * one that returns a mocked {@link SlaClient}.
 */
@FunctionalInterface
public interface SlaClientFactory {
    /**
     * @param profile a profile name under {@code $POVM_RUN_DIR/profiles} or a path ending in {@code .json}
     * @throws PovmClientException when the profile cannot be used
     */
    SlaSession open(String profile);

    /** @return a factory that connects to the profile's peer through the Fabric gateway */
    static SlaClientFactory gateway(final Map<String, String> env) {
        return profile -> {
            final ConnectionProfile connection =
                    ProfileLocator.fromEnvironment(env).load(profile, env);
            final PovmGateway gateway = PovmGateway.connect(connection);
            return new SlaSession(new SlaClient(gateway.chaincode()), gateway::close);
        };
    }
}
