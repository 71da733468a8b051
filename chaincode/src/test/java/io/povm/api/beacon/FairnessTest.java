package io.povm.api.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Chi-square goodness of fit of {@link WeightedDraw} over 100,000 fixed seeds (seed i = SHA-256("fair" || i)), six
 * entries, alpha = 0.001, and a power check: the same test catches plain modulo over a 16-bit hash.
 *
 * <p>The weights sum to W = 49153 = 3·2^14 + 1. With a 16-bit h, 2^16 mod W = 16383, so {@code h mod W} hits x <
 * 16383 twice as often as the rest: "w1" (x in [0, 8192)) gets 1/4 of the draws instead of 1/6.
 */
class FairnessTest {
    private static final int DRAWS = 100_000;
    private static final List<WeightedDraw.Entry> ENTRIES = IntStream.rangeClosed(1, 6)
            .mapToObj(i -> new WeightedDraw.Entry("w" + i, i == 6 ? 8193 : 8192))
            .toList();

    private static byte[] seed(final int i) {
        return Sha256.hash(
                "fair".getBytes(StandardCharsets.UTF_8),
                ByteBuffer.allocate(8).putLong(i).array());
    }

    private static double chiSquare(final Function<byte[], String> draw) {
        final long total = WeightedDraw.total(ENTRIES);
        final long[] observed = new long[ENTRIES.size()];
        final double[] expected = new double[ENTRIES.size()];
        for (int k = 0; k < ENTRIES.size(); k++) {
            expected[k] = (double) DRAWS * ENTRIES.get(k).weight() / total;
            assertThat(expected[k]).isGreaterThanOrEqualTo(5);
        }
        for (int i = 0; i < DRAWS; i++) {
            observed[Integer.parseInt(draw.apply(seed(i)).substring(1)) - 1]++;
        }
        return Statistics.chiSquare(observed, expected);
    }

    /** Plain h mod W with a 16-bit h: the biased draw the design note forbids. */
    private static String biased(final byte[] seed) {
        final byte[] h = Sha256.hash(seed, new byte[8]);
        final int h16 = (h[0] & 0xff) << 8 | h[1] & 0xff;
        final List<WeightedDraw.Entry> eligible = WeightedDraw.eligible(ENTRIES);
        return WeightedDraw.at(eligible, h16 % WeightedDraw.total(eligible));
    }

    @Test
    void weighted_draws_fit_the_weights_at_alpha_0_001() {
        assertThat(chiSquare(seed -> WeightedDraw.winner(seed, ENTRIES)))
                .isLessThan(Statistics.CHI_SQUARE_5_DF_ALPHA_0_001);
    }

    @Test
    void the_same_test_rejects_plain_modulo_over_a_16_bit_hash() {
        assertThat(chiSquare(FairnessTest::biased)).isGreaterThan(Statistics.CHI_SQUARE_5_DF_ALPHA_0_001);
    }
}
