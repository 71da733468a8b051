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
    void mean_and_95_percent_interval_use_the_sample_standard_deviation() {
        final FlipStatistics stats = FlipStatistics.of(3, FOUR);

        // mean 25; squares 25 + 225 + 225 + 25 = 500; s = sqrt(500 / 3) = 12.909944; half width 1.959964 * s / 2
        assertThat(stats.n()).isEqualTo(4);
        assertThat(stats.meanFlips()).isEqualTo(25.0);
        assertThat(stats.stdDevFlips()).isCloseTo(12.909944, within(1e-6));
        assertThat(stats.ci95Low()).isCloseTo(12.348487, within(1e-6));
        assertThat(stats.ci95High()).isCloseTo(37.651513, within(1e-6));
        assertThat(stats.expectedFlips()).isEqualTo(14);
        assertThat(stats.expectedInCi95()).contains(true);
    }

    @Test
    void an_expectation_outside_the_interval_is_reported_as_such() {
        final FlipStatistics stats = FlipStatistics.of(8, FOUR);

        assertThat(stats.expectedFlips()).isEqualTo(510);
        assertThat(stats.expectedInCi95()).contains(false);
    }

    @Test
    void one_run_has_a_mean_but_no_interval() {
        final FlipStatistics stats = FlipStatistics.of(4, List.of(new SeedFlips("demo-1", 30)));

        assertThat(stats.meanFlips()).isEqualTo(30.0);
        assertThat(stats.stdDevFlips()).isNull();
        assertThat(stats.ci95Low()).isNull();
        assertThat(stats.expectedInCi95()).isEmpty();
    }

    @Test
    void identical_runs_have_a_zero_width_interval() {
        final FlipStatistics stats =
                FlipStatistics.of(4, List.of(new SeedFlips("a", 30), new SeedFlips("b", 30), new SeedFlips("c", 30)));

        assertThat(stats.stdDevFlips()).isZero();
        assertThat(stats.ci95Low()).isEqualTo(30.0);
        assertThat(stats.ci95High()).isEqualTo(30.0);
        assertThat(stats.expectedInCi95()).contains(true);
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
    void json_names_every_figure_and_leaves_out_an_interval_it_does_not_have() {
        assertThat(io.povm.api.PovmJson.write(FlipStatistics.of(3, FOUR)))
                .startsWith("{\"k\":3,\"n\":4,\"expectedFlips\":14,\"meanFlips\":25.0,\"stdDevFlips\":12.9")
                .contains("\"expectedInCi95\":true,\"luckiest\":{\"seed\":\"demo-2\",\"flips\":10}");
        assertThat(io.povm.api.PovmJson.write(FlipStatistics.of(3, List.of(new SeedFlips("a", 5)))))
                .doesNotContain("ci95Low")
                .doesNotContain("expectedInCi95");
    }
}
