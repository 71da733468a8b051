// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * An attestation's signature covers its RFC 8785 (JSON Canonicalization Scheme) bytes: members sorted by name, no
 * whitespace, integers as written, strings with minimal escapes, UTF-8. A verifier in another language rebuilds them
 * from the stored JSON with its own JSON library (Python: {@code json.dumps(a, sort_keys=True, separators=(",", ":"),
 * ensure_ascii=False)}), without povm's serializer or its field order.
 */
class AttestationCanonicalBytesTest {
    private static final Attestation ATTESTATION = withPeakMemory(1_048_576L);

    private static Attestation withPeakMemory(final long peakMemoryBytes) {
        return new Attestation(
                1,
                "flip-1",
                2,
                "Org2MSP/w1",
                "Org2MSP",
                "sha256:" + "a".repeat(64),
                "standard@1",
                "c".repeat(64),
                812L,
                640L,
                peakMemoryBytes,
                0,
                SlaLimit.NONE,
                17L,
                "d".repeat(64),
                "e".repeat(64),
                3,
                "f".repeat(64));
    }

    @Test
    void the_canonical_bytes_are_the_members_sorted_by_name_without_whitespace() {
        assertThat(new String(ATTESTATION.canonicalBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"checkpointRoot\":\"" + "e".repeat(64) + "\",\"checkpoints\":3,\"configHash\":\""
                        + "c".repeat(64) + "\",\"cpuMillis\":640,\"exitCode\":0,\"imageDigest\":\"sha256:"
                        + "a".repeat(64) + "\",\"jobId\":\"flip-1\",\"limitHit\":\"NONE\",\"msp\":\"Org2MSP\","
                        + "\"nonce\":\"" + "f".repeat(64) + "\",\"outputBytes\":17,\"peakMemoryBytes\":1048576,"
                        + "\"replica\":2,\"resultHash\":\"" + "d".repeat(64) + "\",\"slaRef\":\"standard@1\","
                        + "\"version\":1,\"wallMillis\":812,\"workerKey\":\"Org2MSP/w1\"}");
    }

    @Test
    void the_canonical_bytes_do_not_depend_on_the_order_the_json_was_stored_in() {
        final String stored = PovmJson.write(ATTESTATION);
        assertThat(stored).startsWith("{\"version\":1,\"jobId\":\"flip-1\"");

        final Attestation read = PovmJson.read(stored, Attestation.class);

        assertThat(read.canonicalBytes()).isEqualTo(ATTESTATION.canonicalBytes());
    }

    @Test
    void a_figure_beyond_what_every_json_reader_holds_exactly_is_refused_naming_it() {
        final long unsafe = (1L << 53);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> withPeakMemory(unsafe))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().field()).isEqualTo("attestation.peakMemoryBytes");
                    assertThat(e.error().reason()).contains("at most 9007199254740991");
                });
    }

    @Test
    void the_signature_is_a_plain_sha256_ecdsa_signature_of_the_canonical_bytes() throws GeneralSecurityException {
        final KeyPair keys = TestKeys.p256();

        final String signature = AttestationSignature.sign(ATTESTATION, keys.getPrivate());

        final Signature plain = Signature.getInstance("SHA256withECDSA");
        plain.initVerify(keys.getPublic());
        plain.update(ATTESTATION.canonicalBytes());
        assertThat(plain.verify(Base64.getDecoder().decode(signature))).isTrue();
        assertThat(AttestationSignature.verifies(ATTESTATION, signature, keys.getPublic()))
                .isTrue();
    }
}
