// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.povm.worker.attestation.FaultyMode;
import io.povm.worker.attestation.FaultyPlan;
import io.povm.worker.config.ConfigProblem.Kind;
import io.povm.worker.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** attestation-key-file and faulty-mode: required, checked at load, each problem naming the key. */
class AttestationConfigTest {
    @TempDir
    Path dir;

    private ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
    }

    private ConfigProblem onlyProblem(final String yaml, final Map<String, String> env) {
        final ConfigException e = catchThrowableOfType(ConfigException.class, () -> fixture.load(yaml, env));
        assertThat(e).as("a ConfigException").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void the_key_file_is_read_and_a_worker_is_honest_by_default() {
        final KeyPair pair = TestKeys.p256();
        TestKeys.write(dir.resolve("crypto/attestation.key"), TestKeys.sec1Pem(pair));

        final WorkerConfig config = fixture.load(ConfigFixture.VALID);

        assertThat(config.attestationKey().matches(TestKeys.publicPem(pair))).isTrue();
        assertThat(config.faultyMode()).isEqualTo(FaultyPlan.always(FaultyMode.NONE));
    }

    @Test
    void a_missing_key_setting_says_where_to_set_it() {
        final ConfigProblem p = onlyProblem(ConfigFixture.without("attestation-key-file"), Map.of());

        assertThat(p.kind()).isEqualTo(Kind.MISSING);
        assertThat(p.key()).isEqualTo("attestation-key-file");
        assertThat(p.accepted()).contains("POVM_WORKER_ATTESTATION_KEY_FILE");
    }

    @Test
    void a_key_file_that_does_not_exist_is_a_bad_path() {
        final ConfigProblem p = onlyProblem(
                ConfigFixture.with("attestation-key-file", "attestation-key-file: crypto/gone.key"), Map.of());

        assertThat(p.kind()).isEqualTo(Kind.BAD_PATH);
        assertThat(p.problem()).contains("gone.key");
    }

    @Test
    void a_key_on_another_curve_is_malformed_and_names_p256() {
        TestKeys.write(dir.resolve("crypto/attestation.key"), TestKeys.pkcs8Pem(TestKeys.ec("secp384r1")));

        final ConfigProblem p = onlyProblem(ConfigFixture.VALID, Map.of());

        assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(p.key()).isEqualTo("attestation-key-file");
        assertThat(p.problem()).contains("not P-256");
    }

    @Test
    void a_file_that_is_no_private_key_is_malformed() throws Exception {
        Files.writeString(dir.resolve("crypto/attestation.key"), TestKeys.publicPem(TestKeys.p256()));

        final ConfigProblem p = onlyProblem(ConfigFixture.VALID, Map.of());

        assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(p.problem()).contains("not a private key");
    }

    @Test
    void the_key_file_and_the_faulty_mode_come_from_the_environment() {
        final Path other = TestKeys.write(dir.resolve("other.key"), TestKeys.sec1Pem(TestKeys.p256()));

        final WorkerConfig config = fixture.load(
                ConfigFixture.VALID,
                Map.of(
                        "POVM_WORKER_ATTESTATION_KEY_FILE",
                        other.toString(),
                        "POVM_WORKER_FAULTY_MODE",
                        "wrong-answer"));

        assertThat(config.faultyMode()).isEqualTo(FaultyPlan.always(FaultyMode.WRONG_ANSWER));
        assertThat(config.toString()).contains("FAULTY MODE wrong-answer");
    }

    @Test
    void every_faulty_mode_is_accepted_by_its_name() {
        for (final FaultyMode mode : FaultyMode.values()) {
            assertThat(fixture.load(ConfigFixture.VALID + "faulty-mode: " + mode.configName() + "\n")
                            .faultyMode())
                    .isEqualTo(FaultyPlan.always(mode));
        }
    }

    @Test
    void a_seeded_random_faulty_plan_is_accepted() {
        assertThat(fixture.load(ConfigFixture.VALID + "faulty-mode: random:42:0.5\n")
                        .faultyMode())
                .isEqualTo(FaultyPlan.random(42, 0.5));
    }

    @Test
    void an_unknown_faulty_mode_lists_the_modes() {
        final ConfigProblem p = onlyProblem(ConfigFixture.VALID + "faulty-mode: lazy\n", Map.of());

        assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(p.key()).isEqualTo("faulty-mode");
        assertThat(p.accepted()).contains("none|wrong-answer|copy|silent|inflate-usage");
    }
}
