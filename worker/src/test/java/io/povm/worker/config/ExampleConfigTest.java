// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.worker.config.ConfigProblem.Kind;
import io.povm.worker.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** worker/config/worker.example.yaml stays a valid file: only its paths into a network's crypto may be missing. */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("config/worker.example.yaml");

    @TempDir
    Path dir;

    @Test
    void example_has_only_known_and_well_formed_keys() {
        final Map<String, String> env = Map.of("POVM_WORKER_DATA_DIR", dir.toString());
        try {
            final WorkerConfig config = WorkerConfig.load(EXAMPLE, env);
            assertThat(config.workerKey()).isEqualTo("Org1MSP/w1");
        } catch (ConfigException e) {
            assertThat(e.problems()).extracting(ConfigProblem::kind).containsOnly(Kind.BAD_PATH);
        }
    }

    @Test
    void example_loads_with_identity_and_peer_from_the_environment() throws Exception {
        final Path pem = Files.writeString(dir.resolve("x.pem"), "x");
        final Path key = TestKeys.write(dir.resolve("attestation.key"), TestKeys.sec1Pem(TestKeys.p256()));
        final Map<String, String> env = Map.of(
                "POVM_WORKER_ATTESTATION_KEY_FILE", key.toString(),
                "POVM_WORKER_DATA_DIR", dir.resolve("data").toString(),
                "POVM_WORKER_IDENTITY_CERT", pem.toString(),
                "POVM_WORKER_IDENTITY_KEY", pem.toString(),
                "POVM_WORKER_PEERS", "127.0.0.1:7110," + pem);

        final WorkerConfig config = WorkerConfig.load(EXAMPLE, env);

        assertThat(config.healthPort()).contains(9464);
        assertThat(config.peers()).hasSize(1);
    }
}
