// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerConfigTest {
    @TempDir
    Path dir;

    private ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
    }

    @Test
    void loads_a_minimal_file_and_fills_the_defaults() {
        final WorkerConfig config = fixture.load(ConfigFixture.VALID);

        assertThat(config.workerKey()).isEqualTo("Org1MSP/w1");
        assertThat(config.certPath()).isEqualTo(dir.resolve("crypto/cert.pem"));
        assertThat(config.keyPath()).isEqualTo(dir.resolve("crypto/priv_sk"));
        assertThat(config.peers())
                .containsExactly(new PeerEndpoint(
                        "127.0.0.1", 7110, dir.resolve("crypto/ca.crt"), Optional.of("peer0.org1.povm.test")));
        assertThat(config.channel()).isEqualTo("povm");
        assertThat(config.chaincode()).isEqualTo("povm");
        assertThat(config.dockerHost()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(config.slots()).isEqualTo(1);
        assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(config.journalFile()).isEqualTo(dir.resolve("data/reports.journal"));
        assertThat(config.checkpointFile()).isEqualTo(dir.resolve("data/events.checkpoint"));
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.idleInterval()).isEqualTo(Duration.ofSeconds(50));
        assertThat(config.beaconRounds()).isEqualTo(WorkerConfig.ROUNDS_ON_DEMAND);
        assertThat(config.healthAddress()).isEqualTo("127.0.0.1");
        assertThat(config.healthPort()).contains(9464);
        assertThat(config.images()).isEqualTo(new ImagePolicy(List.of("povm/*"), List.of()));
        assertThat(config.startWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.drainTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.source()).isEqualTo(dir.resolve("worker.yaml"));
    }

    @Test
    void reads_every_key_from_the_file() {
        final String yaml = ConfigFixture.VALID
                + String.join(
                        "\n",
                        "channel: jobs",
                        "chaincode: povm2",
                        "docker-host: tcp://127.0.0.1:2375",
                        "slots: 3",
                        "heartbeat-interval: 10s",
                        "health:",
                        "  address: 0.0.0.0",
                        "  port: 0",
                        "images:",
                        "  allow: [povm/*, python:3.12*]",
                        "  deny: [povm/evil*]",
                        "start-window: PT90S",
                        "drain-timeout: 0s",
                        "");

        final WorkerConfig config = fixture.load(yaml);

        assertThat(config.channel()).isEqualTo("jobs");
        assertThat(config.chaincode()).isEqualTo("povm2");
        assertThat(config.dockerHost()).isEqualTo("tcp://127.0.0.1:2375");
        assertThat(config.slots()).isEqualTo(3);
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.healthAddress()).isEqualTo("0.0.0.0");
        assertThat(config.healthPort()).isEmpty();
        assertThat(config.images().allow()).containsExactly("povm/*", "python:3.12*");
        assertThat(config.images().deny()).containsExactly("povm/evil*");
        assertThat(config.startWindow()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.drainTimeout()).isZero();
    }

    @Test
    void environment_overrides_the_file() {
        final Map<String, String> env = Map.of(
                "POVM_WORKER_SLOTS", "4",
                "POVM_WORKER_WORKER_NAME", "w9",
                "POVM_WORKER_HEALTH_PORT", "9470",
                "POVM_WORKER_IMAGES_ALLOW", "povm/*, busybox:*",
                "POVM_WORKER_PEERS",
                        "127.0.0.1:7110," + dir.resolve("crypto/ca.crt") + ",peer0.org1.povm.test;" + "localhost:8110,"
                                + dir.resolve("crypto/ca.crt"));

        final WorkerConfig config = fixture.load(ConfigFixture.VALID, env);

        assertThat(config.slots()).isEqualTo(4);
        assertThat(config.workerKey()).isEqualTo("Org1MSP/w9");
        assertThat(config.healthPort()).contains(9470);
        assertThat(config.images().allow()).containsExactly("povm/*", "busybox:*");
        assertThat(config.peers())
                .extracting(PeerEndpoint::endpoint)
                .containsExactly("127.0.0.1:7110", "localhost:8110");
        assertThat(config.peers().get(1).hostOverride()).isEmpty();
    }

    @Test
    void relative_paths_from_the_environment_resolve_against_the_working_directory() {
        final WorkerConfig config = fixture.load(ConfigFixture.VALID, Map.of("POVM_WORKER_DATA_DIR", "rel-data"));

        assertThat(config.dataDir()).isEqualTo(Path.of("rel-data").toAbsolutePath());
    }

    @Test
    void profile_fills_identity_peers_channel_and_chaincode() throws Exception {
        final Path profile = dir.resolve("org2.json");
        Files.writeString(
                profile,
                "{\"mspId\":\"Org2MSP\",\"peerEndpoint\":\"127.0.0.1:7210\","
                        + "\"peerHostAlias\":\"peer0.org2.povm.test\",\"tlsRootCertPath\":\"crypto/ca.crt\","
                        + "\"certificatePath\":\"crypto/cert.pem\",\"privateKeyPath\":\"crypto/priv_sk\","
                        + "\"channel\":\"povm\",\"chaincode\":\"povmcc\"}");

        final WorkerConfig config = fixture.load("profile: org2.json\nworker-name: w2\ndata-dir: data\nchannel: other\n"
                + "attestation-key-file: crypto/attestation.key\n");

        assertThat(config.workerKey()).isEqualTo("Org2MSP/w2");
        assertThat(config.certPath()).isEqualTo(dir.resolve("crypto/cert.pem"));
        assertThat(config.keyPath()).isEqualTo(dir.resolve("crypto/priv_sk"));
        assertThat(config.peers())
                .containsExactly(new PeerEndpoint(
                        "127.0.0.1", 7210, dir.resolve("crypto/ca.crt"), Optional.of("peer0.org2.povm.test")));
        assertThat(config.chaincode()).isEqualTo("povmcc");
        assertThat(config.channel())
                .as("the file's own key wins over the profile")
                .isEqualTo("other");
    }

    @Test
    void to_string_names_the_worker_and_its_settings_but_no_key_material() {
        final String text = fixture.load(ConfigFixture.VALID).toString();

        assertThat(text).contains("Org1MSP/w1", "127.0.0.1:7110", "1 slot(s)", "heartbeat 30s", "drain 2m");
        assertThat(text).doesNotContain("priv_sk");
    }
}
