// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.povm.worker.config.ConfigProblem.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerConfigValidationTest {
    @TempDir
    Path dir;

    private ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
    }

    private ConfigProblem onlyProblem(final String yaml) {
        return onlyProblem(yaml, Map.of());
    }

    private ConfigProblem onlyProblem(final String yaml, final Map<String, String> env) {
        final ConfigException e = catchThrowableOfType(ConfigException.class, () -> fixture.load(yaml, env));
        assertThat(e).as("a ConfigException").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void missing_file_is_unreadable() {
        final ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> WorkerConfig.load(dir.resolve("nope.yaml"), Map.of()));

        assertThat(e.problems()).extracting(ConfigProblem::kind).containsExactly(Kind.UNREADABLE);
        assertThat(e).hasMessageContaining("nope.yaml").hasMessageContaining("does not exist");
    }

    @Test
    void file_that_is_not_a_mapping_is_unreadable() {
        assertThat(onlyProblem("- just\n- a list\n").kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void broken_yaml_is_unreadable() {
        assertThat(onlyProblem("slots: [1,\n").kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void unknown_key_is_named_with_the_known_keys() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID + "solts: 2\n");

        assertThat(p.kind()).isEqualTo(Kind.UNKNOWN_KEY);
        assertThat(p.key()).isEqualTo("solts");
        assertThat(p.accepted()).contains("slots", "health.port");
    }

    @Test
    void unknown_nested_key_is_named_with_its_section() {
        assertThat(onlyProblem(ConfigFixture.VALID + "health:\n  prot: 1\n").key())
                .isEqualTo("health.prot");
    }

    @Test
    void unknown_peer_field_is_named_with_the_peer_index() {
        final String yaml = ConfigFixture.VALID.replace("    host-override:", "    hostname:");

        assertThat(onlyProblem(yaml).key()).isEqualTo("peers[0].hostname");
    }

    @Test
    void missing_msp_id_says_where_to_set_it() {
        final ConfigProblem p = onlyProblem(ConfigFixture.without("msp-id"));

        assertThat(p.kind()).isEqualTo(Kind.MISSING);
        assertThat(p.key()).isEqualTo("msp-id");
        assertThat(p.accepted()).contains("POVM_WORKER_MSP_ID", "profile");
    }

    @Test
    void malformed_worker_name_names_the_accepted_characters() {
        final ConfigProblem p = onlyProblem(ConfigFixture.with("worker-name", "worker-name: 'my worker'"));

        assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(p.key()).isEqualTo("worker-name");
        assertThat(p.accepted()).contains("A-Z a-z 0-9 . _ -");
    }

    @Test
    void missing_data_dir_is_missing() {
        assertThat(onlyProblem(ConfigFixture.without("data-dir")).key()).isEqualTo("data-dir");
    }

    @Test
    void data_dir_that_is_a_file_is_a_bad_path() throws Exception {
        Files.writeString(dir.resolve("data"), "");

        final ConfigProblem p = onlyProblem(ConfigFixture.VALID);

        assertThat(p.kind()).isEqualTo(Kind.BAD_PATH);
        assertThat(p.key()).isEqualTo("data-dir");
    }

    @Test
    void missing_identity_file_is_a_bad_path_with_the_resolved_path() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID.replace("crypto/priv_sk", "crypto/other_sk"));

        assertThat(p.kind()).isEqualTo(Kind.BAD_PATH);
        assertThat(p.key()).isEqualTo("identity.key");
        assertThat(p.problem()).contains(dir.resolve("crypto/other_sk").toString());
    }

    @Test
    void empty_peer_list_is_missing() {
        final String yaml = "msp-id: Org1MSP\nworker-name: w1\ndata-dir: data\n"
                + "identity: {cert: crypto/cert.pem, key: crypto/priv_sk}\npeers: []\n"
                + "attestation-key-file: crypto/attestation.key\n";

        final ConfigProblem p = onlyProblem(yaml);

        assertThat(p.kind()).isEqualTo(Kind.MISSING);
        assertThat(p.key()).isEqualTo("peers");
    }

    @Test
    void malformed_peer_endpoint_names_the_peer() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID.replace("127.0.0.1:7110", "127.0.0.1"));

        assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(p.key()).isEqualTo("peers[0].endpoint");
        assertThat(p.accepted()).contains("host:port");
    }

    @Test
    void peer_port_out_of_range_is_malformed() {
        assertThat(onlyProblem(ConfigFixture.VALID.replace("7110", "70000")).key())
                .isEqualTo("peers[0].endpoint");
    }

    @Test
    void peer_without_tls_root_cert_is_missing() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID.replace("    tls-root-cert: crypto/ca.crt\n", ""));

        assertThat(p.kind()).isEqualTo(Kind.MISSING);
        assertThat(p.key()).isEqualTo("peers[0].tls-root-cert");
    }

    @Test
    void slots_below_one_are_out_of_range() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID + "slots: 0\n");

        assertThat(p.kind()).isEqualTo(Kind.OUT_OF_RANGE);
        assertThat(p.key()).isEqualTo("slots");
        assertThat(p.accepted()).isEqualTo("a whole number from 1 to 256");
    }

    @Test
    void slots_that_are_no_number_are_malformed_and_name_the_variable() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID, Map.of("POVM_WORKER_SLOTS", "two"));

        assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(p.origin()).isEqualTo("POVM_WORKER_SLOTS");
    }

    @Test
    void duration_without_unit_is_malformed() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID + "heartbeat-interval: 30\n");

        assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(p.key()).isEqualTo("heartbeat-interval");
        assertThat(p.accepted()).contains("30s", "PT30S");
    }

    @Test
    void zero_start_window_is_out_of_range() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID + "start-window: 0s\n");

        assertThat(p.kind()).isEqualTo(Kind.OUT_OF_RANGE);
        assertThat(p.key()).isEqualTo("start-window");
    }

    @Test
    void a_zero_idle_interval_is_accepted_and_turns_idling_off() throws Exception {
        final WorkerConfig config = fixture.load(ConfigFixture.VALID + "idle-interval: 0s\n", Map.of());

        assertThat(config.idleInterval()).isZero();
    }

    @Test
    void an_unknown_way_of_opening_beacon_rounds_is_malformed_and_names_both_ways() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID + "beacon:\n  rounds: hourly\n");

        assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(p.key()).isEqualTo("beacon.rounds");
        assertThat(p.accepted()).contains("on-demand", "cadence");
    }

    @Test
    void docker_host_without_scheme_is_malformed() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID + "docker-host: /var/run/docker.sock\n");

        assertThat(p.key()).isEqualTo("docker-host");
        assertThat(p.accepted()).contains("unix://");
    }

    @Test
    void health_port_out_of_range() {
        assertThat(onlyProblem(ConfigFixture.VALID + "health: {port: 65536}\n").key())
                .isEqualTo("health.port");
    }

    @Test
    void malformed_health_address() {
        assertThat(onlyProblem(ConfigFixture.VALID + "health: {address: 'not an address'}\n")
                        .key())
                .isEqualTo("health.address");
    }

    @Test
    void empty_allow_list_would_refuse_every_job() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID + "images: {allow: []}\n");

        assertThat(p.key()).isEqualTo("images.allow");
        assertThat(p.problem()).contains("refuse every job");
    }

    @Test
    void malformed_glob_is_named_with_its_index() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID + "images: {deny: [ok/*, 'bad glob']}\n");

        assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(p.key()).isEqualTo("images.deny[1]");
    }

    @Test
    void image_list_that_is_not_a_list_is_malformed() {
        assertThat(onlyProblem(ConfigFixture.VALID + "images: {deny: povm/*}\n").key())
                .isEqualTo("images.deny");
    }

    @Test
    void missing_profile_is_a_bad_path() {
        final ConfigProblem p = onlyProblem("profile: org9.json\nworker-name: w1\ndata-dir: data\n");

        assertThat(p.kind()).isEqualTo(Kind.BAD_PATH);
        assertThat(p.key()).isEqualTo("profile");
        assertThat(p.problem()).contains("org9.json");
    }

    @Test
    void file_named_in_the_profile_is_checked_with_the_profile_as_origin() throws Exception {
        Files.writeString(
                dir.resolve("org1.json"),
                "{\"mspId\":\"Org1MSP\",\"peerEndpoint\":\"127.0.0.1:7110\","
                        + "\"tlsRootCertPath\":\"crypto/ca.crt\",\"certificatePath\":\"crypto/gone.pem\","
                        + "\"privateKeyPath\":\"crypto/priv_sk\",\"channel\":\"povm\",\"chaincode\":\"povm\"}");

        final ConfigProblem p = onlyProblem(
                "profile: org1.json\nworker-name: w1\ndata-dir: data\nattestation-key-file: crypto/attestation.key\n");

        assertThat(p.kind()).isEqualTo(Kind.BAD_PATH);
        assertThat(p.key()).isEqualTo("identity.cert");
        assertThat(p.origin()).isEqualTo("profile " + dir.resolve("org1.json"));
    }

    @Test
    void reports_every_problem_at_once_each_with_key_and_accepted_values() {
        final ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> fixture.load(ConfigFixture.without("msp-id") + "slots: 0\ndrain-timeout: soon\n"));

        assertThat(e.problems())
                .extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("msp-id", "slots", "drain-timeout");
        assertThat(e)
                .hasMessageContaining("3 problems")
                .hasMessageContaining("slots: 0 is out of range (from " + dir.resolve("worker.yaml"))
                .hasMessageContaining("accepted: a whole number from 1 to 256");
    }
}
