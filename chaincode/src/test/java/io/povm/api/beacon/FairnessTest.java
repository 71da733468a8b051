// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chi-square goodness of fit of the lottery's draw ({@link UniformDraw} over the total tickets, then {@link
 * WeightedDraw#at}, as {@code RoundOutcome.lottery} draws each winner) over 200,000 fixed seeds (seed i =
 * SHA-256("fair" || i)) and strongly unequal tickets 1 : 10 : 100 : 1000, at alpha = 0.001 with 3 degrees of freedom.
 *
 * <p>The test has power: the same check fails a draw that ignores the tickets (uniform among the workers) and a draw
 * whose cumulative ranges are off by one ({@code cumulative >= x} instead of {@code > x}, which gives the 1-ticket
 * worker 2 of the 1111 values of x: 360 wins expected instead of 180, a chi-square near 180 on its own).
 */
class FairnessTest {
    private static final int DRAWS = 200_000;
    private static final List<WeightedDraw.Entry> ENTRIES = List.of(
            new WeightedDraw.Entry("w0", 1),
            new WeightedDraw.Entry("w1", 10),
            new WeightedDraw.Entry("w2", 100),
            new WeightedDraw.Entry("w3", 1000));
    private static final long TOTAL = WeightedDraw.total(WeightedDraw.eligible(ENTRIES));
    private static final long[] X = new long[DRAWS];
    private static final long[] PICK = new long[DRAWS];

    /** Draws each seed's x in [0, 1111) and its uniform index in [0, 4) once, for every rule below to map. */
    @BeforeAll
    static void draw_every_seed_once() {
        for (int i = 0; i < DRAWS; i++) {
            final byte[] seed = Sha256.hash(
                    "fair".getBytes(StandardCharsets.UTF_8),
                    ByteBuffer.allocate(8).putLong(i).array());
            X[i] = UniformDraw.draw(seed, TOTAL);
            PICK[i] = UniformDraw.draw(seed, ENTRIES.size());
        }
    }

    /** @return Pearson's chi-square of the winners a rule picks from (x, uniform index) against the tickets */
    private static double chiSquare(final BiFunction<Long, Long, String> rule) {
        final long[] observed = new long[ENTRIES.size()];
        final double[] expected = new double[ENTRIES.size()];
        for (int k = 0; k < ENTRIES.size(); k++) {
            expected[k] = (double) DRAWS * ENTRIES.get(k).weight() / TOTAL;
            assertThat(expected[k]).isGreaterThanOrEqualTo(5);
        }
        for (int i = 0; i < DRAWS; i++) {
            observed[Integer.parseInt(rule.apply(X[i], PICK[i]).substring(1))]++;
        }
        return Statistics.chiSquare(observed, expected);
    }

    /** The first entry whose cumulative tickets reach x: one value of x too many for every entry's range. */
    private static String offByOne(final long x) {
        long cumulative = 0;
        for (final WeightedDraw.Entry entry : WeightedDraw.eligible(ENTRIES)) {
            cumulative += entry.weight();
            if (cumulative >= x) {
                return entry.id();
            }
        }
        throw new IllegalStateException("x " + x + " beyond " + cumulative);
    }

    @Test
    void lottery_draws_over_tickets_1_10_100_1000_fit_the_tickets_at_alpha_0_001() {
        assertThat(chiSquare((x, pick) -> WeightedDraw.at(WeightedDraw.eligible(ENTRIES), x)))
                .isLessThan(Statistics.CHI_SQUARE_3_DF_ALPHA_0_001);
    }

    @Test
    void the_same_check_fails_a_draw_that_ignores_the_tickets() {
        assertThat(chiSquare((x, pick) -> ENTRIES.get(pick.intValue()).id()))
                .isGreaterThan(Statistics.CHI_SQUARE_3_DF_ALPHA_0_001);
    }

    @Test
    void the_same_check_fails_a_draw_whose_cumulative_ranges_are_off_by_one() {
        assertThat(chiSquare((x, pick) -> offByOne(x))).isGreaterThan(Statistics.CHI_SQUARE_3_DF_ALPHA_0_001);
    }
}
