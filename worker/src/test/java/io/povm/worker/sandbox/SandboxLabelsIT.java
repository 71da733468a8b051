// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import io.povm.worker.daemon.FabricWorkerDaemon;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Daemons of two networks on one Docker engine, both running worker Org1MSP/w1 (every network scripts/workers.sh
 * starts names its workers alike): one daemon's clean-up of leftovers at start and stop must not remove the other's
 * running job containers, as it did while the containers were labelled with the worker alone (a 10 s benchmark job
 * was killed with exit 137 that way).
 */
class SandboxLabelsIT {
    private static final String IMAGE = "povm/base:bookworm";

    @Test
    void a_daemon_removes_the_leftovers_of_its_own_data_directory_only() {
        final String run = UUID.randomUUID().toString();
        final Path benchNetwork = Path.of("/tmp", "povm-labels-" + run, "bench", "org1-data");
        final Path testNetwork = Path.of("/tmp", "povm-labels-" + run, "test", "org1-data");
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            final SandboxRunner bench =
                    new SandboxRunner(engine, FabricWorkerDaemon.sandboxLabels("Org1MSP/w1", benchNetwork));
            final SandboxRunner test =
                    new SandboxRunner(engine, FabricWorkerDaemon.sandboxLabels("Org1MSP/w1", testNetwork));
            final String benchJob = engine.client()
                    .createContainerCmd(IMAGE)
                    .withCmd("true")
                    .withLabels(bench.labels())
                    .exec()
                    .getId();

            assertThat(test.removeLeftovers())
                    .as("the test network's daemon starting")
                    .isZero();
            assertThat(exists(engine, benchJob)).isTrue();
            assertThat(bench.removeLeftovers())
                    .as("the bench network's own daemon restarting")
                    .isEqualTo(1);
            assertThat(exists(engine, benchJob)).isFalse();
        }
    }

    private static boolean exists(final DockerEngine engine, final String id) {
        try {
            engine.client().inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
