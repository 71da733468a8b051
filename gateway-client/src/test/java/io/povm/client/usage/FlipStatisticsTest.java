// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlipStatisticsTest {
    private static final List<SeedFlips> FOUR = List.of(
            new SeedFlips("demo-1", 30),
            new SeedFlips("demo-2", 10),
            new SeedFlips("demo-3", 40),
            new SeedFlips("demo-4", 20));

    @Test
    void expected_flips_are_two_to_the_k_plus_one_minus_two() {
        assertThat(FlipStatistics.expectedFlips(1)).isEqualTo(2);
        assertThat(FlipStatistics.expectedFlips(4)).isEqualTo(30);
        assertThat(FlipStatistics.expectedFlips(8)).isEqualTo(510);
        assertThat(FlipStatistics.expectedFlips(48)).isEqualTo(562_949_953_421_310L);
    }

    @Test
    void the_luckiest_seed_took_the_fewest_flips_and_the_unluckiest_the_most() {
        final FlipStatistics stats = FlipStatistics.of(3, FOUR);

        assertThat(stats.luckiest()).isEqualTo(new SeedFlips("demo-2", 10));
        assertThat(stats.unluckiest()).isEqualTo(new SeedFlips("demo-3", 40));
    }

    @Test
    void of_equally_lucky_seeds_the_first_given_is_the_luckiest() {
        final FlipStatistics stats =
                FlipStatistics.of(3, List.of(new SeedFlips("b", 7), new SeedFlips("a", 7), new SeedFlips("c", 9)));

        assertThat(stats.luckiest().seed()).isEqualTo("b");
    }

    @Test
    void the_95_percent_interval_is_the_exact_one_for_an_exponential_mean_from_the_sum_of_the_runs() {
        final FlipStatistics stats = FlipStatistics.of(3, FOUR);

        // sum 100, n = 4: chi-square quantiles with 8 degrees of freedom are 2.179731 (0.025) and 17.534546 (0.975)
        assertThat(stats.n()).isEqualTo(4);
        assertThat(stats.meanFlips()).isEqualTo(25.0);
        assertThat(stats.ci95Low()).isCloseTo(200 / 17.534546, within(1e-4));
        assertThat(stats.ci95High()).isCloseTo(200 / 2.179731, within(1e-3));
        assertThat(stats.expectedFlips()).isEqualTo(14);
        assertThat(stats.expectedInCi95()).contains(true);
    }

    @Test
    void the_sample_standard_deviation_is_reported_beside_the_interval() {
        // mean 25; squares 25 + 225 + 225 + 25 = 500; s = sqrt(500 / 3)
        assertThat(FlipStatistics.of(3, FOUR).stdDevFlips()).isCloseTo(12.909944, within(1e-6));
    }

    @Test
    void an_expectation_outside_the_interval_is_reported_as_such() {
        final FlipStatistics stats = FlipStatistics.of(8, FOUR);

        assertThat(stats.expectedFlips()).isEqualTo(510);
        assertThat(stats.expectedInCi95()).contains(false);
    }

    @Test
    void one_run_has_a_wide_interval_and_no_standard_deviation() {
        final FlipStatistics stats = FlipStatistics.of(4, List.of(new SeedFlips("demo-1", 30)));

        // 2 degrees of freedom: quantiles 0.0506356 (0.025) and 7.377759 (0.975)
        assertThat(stats.meanFlips()).isEqualTo(30.0);
        assertThat(stats.stdDevFlips()).isNull();
        assertThat(stats.ci95Low()).isCloseTo(60 / 7.377759, within(1e-4));
        assertThat(stats.ci95High()).isCloseTo(60 / 0.0506356, within(1e-2));
        assertThat(stats.expectedInCi95()).contains(true);
    }

    @Test
    void the_interval_depends_on_the_runs_only_through_their_sum() {
        final FlipStatistics spread =
                FlipStatistics.of(4, List.of(new SeedFlips("a", 2), new SeedFlips("b", 30), new SeedFlips("c", 58)));
        final FlipStatistics equal =
                FlipStatistics.of(4, List.of(new SeedFlips("a", 30), new SeedFlips("b", 30), new SeedFlips("c", 30)));

        assertThat(equal.stdDevFlips()).isZero();
        assertThat(equal.ci95Low()).isEqualTo(spread.ci95Low());
        assertThat(equal.ci95High()).isEqualTo(spread.ci95High());
    }

    /**
     * The reason for the method: over 4,000 simulated sweeps of 10 runs at K = 6 (seeded), the interval holds the true
     * mean 126 in about 95% of them, where the normal approximation mean ± 1.96·s/√n it replaced holds it in under
     * 90%, since the number of flips has a long right tail.
     */
    @Test
    void over_simulated_sweeps_of_ten_runs_the_interval_holds_the_true_mean_about_95_percent_of_the_time() {
        final java.util.Random coin = new java.util.Random(20261206L);
        final int k = 6;
        final long mean = FlipStatistics.expectedFlips(k);
        int exact = 0;
        int normal = 0;
        final int sweeps = 4000;
        for (int sweep = 0; sweep < sweeps; sweep++) {
            final List<SeedFlips> runs = new java.util.ArrayList<>();
            for (int run = 0; run < 10; run++) {
                runs.add(new SeedFlips("s" + run, flipsUntilHeadsInARow(coin, k)));
            }
            final FlipStatistics stats = FlipStatistics.of(k, runs);
            exact += stats.expectedInCi95().orElseThrow() ? 1 : 0;
            final double half = 1.959964 * stats.stdDevFlips() / Math.sqrt(10);
            normal += Math.abs(stats.meanFlips() - mean) <= half ? 1 : 0;
        }

        assertThat(exact / (double) sweeps).isBetween(0.93, 0.975);
        assertThat(normal / (double) sweeps).isLessThan(0.90);
    }

    private static long flipsUntilHeadsInARow(final java.util.Random coin, final int k) {
        long flips = 0;
        int heads = 0;
        while (heads < k) {
            flips++;
            heads = coin.nextBoolean() ? heads + 1 : 0;
        }
        return flips;
    }

    @Test
    void rejects_no_runs_and_a_k_the_coin_flipper_does_not_accept() {
        assertThatThrownBy(() -> FlipStatistics.of(3, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no runs");
        assertThatThrownBy(() -> FlipStatistics.of(0, FOUR)).hasMessageContaining("must be 1 to 48");
        assertThatThrownBy(() -> FlipStatistics.of(49, FOUR)).hasMessageContaining("must be 1 to 48");
    }

    @Test
    void json_names_every_figure_and_leaves_out_a_standard_deviation_it_does_not_have() {
        assertThat(io.povm.api.PovmJson.write(FlipStatistics.of(3, FOUR)))
                .startsWith("{\"k\":3,\"n\":4,\"expectedFlips\":14,\"meanFlips\":25.0,\"stdDevFlips\":12.9")
                .contains("\"expectedInCi95\":true,\"luckiest\":{\"seed\":\"demo-2\",\"flips\":10}");
        assertThat(io.povm.api.PovmJson.write(FlipStatistics.of(3, List.of(new SeedFlips("a", 5)))))
                .doesNotContain("stdDevFlips")
                .contains("\"ci95Low\":")
                .contains("\"expectedInCi95\":");
    }
}
