// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.PovmException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LagrangeTest {
    private static Feldman dealer(final int threshold) {
        return Feldman.of(IntStream.range(0, threshold)
                .mapToObj(k -> P256.N.subtract(BigInteger.valueOf(1000 + 17L * k)))
                .toList());
    }

    /** Every subset of {1..n} with exactly size elements. */
    private static List<List<Integer>> subsets(final int n, final int size) {
        final List<List<Integer>> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) == size) {
                final int m = mask;
                out.add(IntStream.rangeClosed(1, n)
                        .filter(j -> (m & 1 << (j - 1)) != 0)
                        .boxed()
                        .toList());
            }
        }
        return out;
    }

    private static List<Lagrange.Share> shares(final Feldman dealer, final List<Integer> indices) {
        return indices.stream().map(j -> new Lagrange.Share(j, dealer.share(j))).toList();
    }

    @Test
    void every_2_of_3_subset_recovers_the_secret() {
        final Feldman dealer = dealer(2);

        assertThat(subsets(3, 2)).hasSize(3).allSatisfy(subset -> assertThat(Lagrange.secret(2, shares(dealer, subset)))
                .isEqualTo(dealer.secret()));
    }

    @Test
    void every_3_of_5_subset_recovers_the_secret() {
        final Feldman dealer = dealer(3);

        assertThat(subsets(5, 3)).hasSize(10).allSatisfy(subset -> assertThat(
                        Lagrange.secret(3, shares(dealer, subset)))
                .isEqualTo(dealer.secret()));
    }

    @Test
    void more_than_t_consistent_shares_give_the_same_secret() {
        final Feldman dealer = dealer(3);

        assertThat(Lagrange.secret(3, shares(dealer, List.of(1, 2, 3, 4, 5)))).isEqualTo(dealer.secret());
    }

    @Test
    void t_minus_1_shares_are_refused() {
        final Feldman dealer = dealer(3);

        assertThatThrownBy(() -> Lagrange.secret(3, shares(dealer, List.of(2, 5))))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("need at least the threshold 3");
    }

    @Test
    void t_minus_1_shares_with_a_wrong_threshold_do_not_give_the_secret() {
        final Feldman dealer = dealer(3);

        assertThat(Lagrange.secret(2, shares(dealer, List.of(2, 5)))).isNotEqualTo(dealer.secret());
    }

    @Test
    void duplicate_and_zero_indices_are_refused() {
        final Feldman dealer = dealer(2);
        final Lagrange.Share one = new Lagrange.Share(1, dealer.share(1));

        assertThatThrownBy(() -> Lagrange.secret(2, List.of(one, one)))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> Lagrange.secret(2, List.of(one, new Lagrange.Share(0, BigInteger.ONE))))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("indices start at 1");
    }
}
