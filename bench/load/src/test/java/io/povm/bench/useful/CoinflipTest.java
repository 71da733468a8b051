// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.useful;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoinflipTest {
    @Test
    void flips_match_the_worked_examples_of_docs_coinflip() {
        assertThat(Coinflip.flips("povm", 4, Long.MAX_VALUE)).hasValue(30);
        assertThat(Coinflip.flips("povm", 10, Long.MAX_VALUE)).hasValue(1681);
        assertThat(Coinflip.flips("povm-it", 12, Long.MAX_VALUE)).hasValue(14685);
    }

    @Test
    void a_run_longer_than_the_limit_is_empty() {
        assertThat(Coinflip.flips("povm", 10, 1680)).isEmpty();
        assertThat(Coinflip.flips("povm", 10, 1681)).hasValue(1681);
    }

    @Test
    void k_is_the_one_whose_expected_flips_come_closest() {
        assertThat(Coinflip.kFor(2_097_150)).isEqualTo(20);
        assertThat(Coinflip.kFor(2_500_000)).isEqualTo(20);
        assertThat(Coinflip.kFor(25_000_000)).as("2^25 is 1.34 x, 2^24 0.67 x").isEqualTo(24);
        assertThat(Coinflip.kFor(1)).isEqualTo(1);
    }

    @Test
    void the_seed_found_needs_within_20_percent_of_the_flips_asked_for() {
        final long n = Coinflip.seedNear("t-", 0, 100_000);

        assertThat(Coinflip.flips("t-" + n, Coinflip.kFor(100_000), Long.MAX_VALUE)
                        .getAsLong())
                .isBetween(80_000L, 120_000L);
        assertThat(Coinflip.seedNear("t-", n, 100_000)).isEqualTo(n);
    }
}
