// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.worker.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttestationKeyTest {
    @TempDir
    Path dir;

    @Test
    void reads_a_sec1_key_as_openssl_writes_it_and_derives_its_public_half() {
        final KeyPair pair = TestKeys.p256();

        final AttestationKey key = AttestationKey.read(TestKeys.write(dir.resolve("k.pem"), TestKeys.sec1Pem(pair)));

        assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(key.matches(TestKeys.publicPem(pair))).isTrue();
    }

    @Test
    void reads_a_pkcs8_key_and_derives_its_public_half() {
        final KeyPair pair = TestKeys.p256();

        final AttestationKey key = AttestationKey.read(TestKeys.write(dir.resolve("k.pem"), TestKeys.pkcs8Pem(pair)));

        assertThat(key.matches(TestKeys.publicPem(pair))).isTrue();
    }

    @Test
    void another_workers_public_key_or_no_key_does_not_match() {
        final AttestationKey key =
                AttestationKey.read(TestKeys.write(dir.resolve("k.pem"), TestKeys.sec1Pem(TestKeys.p256())));

        assertThat(key.matches(TestKeys.publicPem(TestKeys.p256()))).isFalse();
        assertThat(key.matches("not a pem")).isFalse();
    }

    @Test
    void a_key_on_another_curve_is_refused_naming_the_curve() {
        final Path file = TestKeys.write(dir.resolve("k.pem"), TestKeys.pkcs8Pem(TestKeys.ec("secp384r1")));

        assertThatThrownBy(() -> AttestationKey.read(file))
                .isInstanceOf(AttestationKey.InvalidKeyFileException.class)
                .hasMessageContaining("secp384r1")
                .hasMessageContaining("not P-256");
    }

    @Test
    void a_public_key_or_other_text_is_refused() throws Exception {
        final Path pub = TestKeys.write(dir.resolve("pub.pem"), TestKeys.publicPem(TestKeys.p256()));
        final Path text = Files.writeString(dir.resolve("x.pem"), "hello\n");

        assertThatThrownBy(() -> AttestationKey.read(pub)).hasMessageContaining("not a private key");
        assertThatThrownBy(() -> AttestationKey.read(text)).hasMessageContaining("no PEM object");
    }
}
