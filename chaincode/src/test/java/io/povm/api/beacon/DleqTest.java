// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DleqTest {
    private static final byte[] CONTEXT = "povm/round/7/Org1MSP/Org2MSP".getBytes(StandardCharsets.UTF_8);
    private static final BigInteger X =
            new BigInteger("7a3f0c2d9e8b1a4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4", 16);
    private static final BigInteger NONCE =
            new BigInteger("1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988", 16);
    private static final String H = P256.hex(P256.times(P256.G, BigInteger.valueOf(987654321)));

    private static String a(final BigInteger x) {
        return P256.hex(P256.times(P256.G, x));
    }

    private static String b(final BigInteger x) {
        return P256.hex(P256.times(P256.point("h", H), x));
    }

    @Test
    void a_proof_for_the_same_secret_verifies() {
        final Dleq.Proof proof = Dleq.prove(CONTEXT, X, H, NONCE);

        assertThat(Dleq.verify(CONTEXT, H, a(X), b(X), proof)).isTrue();
    }

    @Test
    void a_proof_is_deterministic_given_the_nonce() {
        assertThat(Dleq.prove(CONTEXT, X, H, NONCE)).isEqualTo(Dleq.prove(CONTEXT, X, H, NONCE));
    }

    @Test
    void the_proof_fails_when_B_uses_a_different_secret() {
        final Dleq.Proof proof = Dleq.prove(CONTEXT, X, H, NONCE);

        assertThat(Dleq.verify(CONTEXT, H, a(X), b(X.add(BigInteger.ONE)), proof))
                .isFalse();
        assertThat(Dleq.verify(CONTEXT, H, a(X.add(BigInteger.ONE)), b(X), proof))
                .isFalse();
    }

    @Test
    void a_tampered_proof_fails() {
        final Dleq.Proof proof = Dleq.prove(CONTEXT, X, H, NONCE);

        assertThat(Dleq.verify(
                        CONTEXT,
                        H,
                        a(X),
                        b(X),
                        new Dleq.Proof(proof.challenge(), proof.response().add(BigInteger.ONE))))
                .isFalse();
        assertThat(Dleq.verify(
                        CONTEXT,
                        H,
                        a(X),
                        b(X),
                        new Dleq.Proof(proof.challenge().add(BigInteger.ONE), proof.response())))
                .isFalse();
    }

    @Test
    void a_proof_does_not_verify_in_another_context() {
        final Dleq.Proof proof = Dleq.prove(CONTEXT, X, H, NONCE);
        final byte[] otherRound = "povm/round/8/Org1MSP/Org2MSP".getBytes(StandardCharsets.UTF_8);

        assertThat(Dleq.verify(otherRound, H, a(X), b(X), proof)).isFalse();
    }
}
