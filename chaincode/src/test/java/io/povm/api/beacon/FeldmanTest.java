// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.PovmException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeldmanTest {
    /** f(x) = 1 + 2x + 3x^2: C_0 = G and C_1 = 2G are published constants of P-256. */
    private static final Feldman SMALL = Feldman.of(List.of(big(1), big(2), big(3)));

    private static final Feldman DEALER = Feldman.of(List.of(
            new BigInteger("91f8f1b1a3c4d2e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d", 16),
            new BigInteger("1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef", 16),
            P256.N.subtract(BigInteger.ONE)));

    private static BigInteger big(final long value) {
        return BigInteger.valueOf(value);
    }

    @Test
    void commitments_are_the_coefficients_times_G_in_compressed_SEC1() {
        assertThat(SMALL.commitments().get(0))
                .isEqualTo("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");
        assertThat(SMALL.commitments().get(1))
                .isEqualTo("037cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc47669978");
        assertThat(SMALL.commitments()).hasSize(3);
    }

    @Test
    void a_share_is_the_polynomial_at_the_holder_index_mod_n() {
        assertThat(SMALL.share(1)).isEqualTo(big(6));
        assertThat(SMALL.share(4)).isEqualTo(big(1 + 8 + 48));
        assertThat(DEALER.share(3)).isLessThan(P256.N);
    }

    @Test
    void the_right_share_verifies_against_the_commitments() {
        for (int j = 1; j <= 5; j++) {
            assertThat(Feldman.verify(DEALER.share(j), j, DEALER.commitments())).isTrue();
        }
    }

    @Test
    void a_wrong_share_or_a_share_for_another_index_is_rejected() {
        final List<String> commitments = DEALER.commitments();

        assertThat(Feldman.verify(DEALER.share(2).add(BigInteger.ONE), 2, commitments))
                .isFalse();
        assertThat(Feldman.verify(DEALER.share(2), 3, commitments)).isFalse();
        assertThat(Feldman.verify(P256.N.add(DEALER.share(2)), 2, commitments)).isFalse();
        assertThat(Feldman.verify(SMALL.share(2), 2, commitments)).isFalse();
    }

    @Test
    void index_zero_and_a_zero_secret_are_refused() {
        assertThatThrownBy(() -> DEALER.share(0))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("index");
        assertThatThrownBy(() -> Feldman.of(List.of(BigInteger.ZERO, BigInteger.ONE)))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("coefficients[0]");
        assertThatThrownBy(() -> Feldman.verify(big(1), 1, List.of("zz")))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("commitments[0]");
    }

    @Test
    void a_random_dealer_has_the_requested_threshold_and_consistent_shares() {
        final Feldman dealer = Feldman.random(3, new java.security.SecureRandom());

        assertThat(dealer.threshold()).isEqualTo(3);
        assertThat(Feldman.verify(dealer.share(7), 7, dealer.commitments())).isTrue();
    }
}
