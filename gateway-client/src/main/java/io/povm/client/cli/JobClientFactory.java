// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import io.povm.client.profile.ConnectionProfile;
import io.povm.client.profile.ProfileLocator;
import java.util.Map;

/**
 * Opens the connection a command works through. The command line uses {@link #gateway(Map)}; tests pass one that
 * returns a mocked {@link JobClient}.
 */
@FunctionalInterface
public interface JobClientFactory {
    /**
     * @param profile a profile name under {@code $POVM_RUN_DIR/profiles} or a path ending in {@code .json}
     * @throws PovmClientException when the profile cannot be used
     */
    JobSession open(String profile);

    /** @return a factory that connects to the profile's peer through the Fabric gateway */
    static JobClientFactory gateway(final Map<String, String> env) {
        return profile -> {
            final ConnectionProfile connection =
                    ProfileLocator.fromEnvironment(env).load(profile, env);
            final PovmGateway gateway = PovmGateway.connect(connection);
            return new JobSession(new JobClient(gateway.chaincode()), gateway::close);
        };
    }
}
