// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.profile.ConnectionProfile;
import io.povm.client.profile.ProfileLocator;
import io.povm.client.worker.WorkerClient;
import java.util.Map;

/**
 * Opens the connection a {@code povm worker} command works through, like {@link JobClientFactory} does for the job
 * commands. Tests pass one that returns a mocked {@link WorkerClient}.
 */
@FunctionalInterface
public interface WorkerClientFactory {
    /**
     * @param profile a profile name under {@code $POVM_RUN_DIR/profiles} or a path ending in {@code .json}
     * @throws PovmClientException when the profile cannot be used
     */
    WorkerSession open(String profile);

    /** @return a factory that connects to the profile's peer through the Fabric gateway */
    static WorkerClientFactory gateway(final Map<String, String> env) {
        return profile -> {
            final ConnectionProfile connection =
                    ProfileLocator.fromEnvironment(env).load(profile, env);
            final PovmGateway gateway = PovmGateway.connect(connection);
            return new WorkerSession(new WorkerClient(gateway.chaincode()), connection.mspId(), gateway::close);
        };
    }
}
