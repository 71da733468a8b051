// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Sha256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Orgs A, B, C each contribute a random secret per round and the winner among them is drawn from the round's seed. A
 * is the last to reveal: it sees B's and C's secrets and withholds its own whenever the full outcome is not A. Under
 * escrow (t = 2 of 3) B and C recover A's secret from their Feldman shares, so the outcome is unchanged and A's win
 * rate stays 1/3. Under plain commit-reveal the withheld secret is dropped from the seed, which gives A a second draw
 * whenever it loses: 1/3 + 2/3 · 1/3 = 5/9.
 */
class WithholdingTest {
    private static final int TRIALS = 3000;
    private static final byte[] SNAPSHOT = Sha256.hash("snapshot".getBytes(StandardCharsets.UTF_8));
    private static final List<WeightedDraw.Entry> ORGS =
            List.of(new WeightedDraw.Entry("A", 1), new WeightedDraw.Entry("B", 1), new WeightedDraw.Entry("C", 1));

    private static String winner(final long round, final Map<String, BigInteger> secrets) {
        final byte[] seed = SeedDerivation.seed("povm", "povm", round, new byte[32], SNAPSHOT, secrets);
        return WeightedDraw.winner(SeedDerivation.subSeed(seed, SeedDerivation.Purpose.LOTTERY), ORGS);
    }

    private static BigInteger secret(final Random random) {
        return new BigInteger(256, random).mod(P256.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    }

    /** How many of the trials A wins when it withholds on a loss; {@code escrowed} picks what the round does then. */
    private static long winsOfA(final boolean escrowed) {
        final Random random = new Random(20_260_601L);
        long wins = 0;
        for (long round = 1; round <= TRIALS; round++) {
            final Feldman a = Feldman.of(List.of(secret(random), secret(random)));
            final Map<String, BigInteger> secrets =
                    new HashMap<>(Map.of("A", a.secret(), "B", secret(random), "C", secret(random)));
            if (!"A".equals(winner(round, secrets))) {
                secrets.remove("A");
                if (escrowed) {
                    final BigInteger recovered = Lagrange.secret(
                            2, List.of(new Lagrange.Share(2, a.share(2)), new Lagrange.Share(3, a.share(3))));
                    secrets.put("A", recovered);
                }
            }
            if ("A".equals(winner(round, secrets))) {
                wins++;
            }
        }
        return wins;
    }

    @Test
    void withholding_gains_nothing_when_the_secret_is_recovered_from_escrow() {
        assertThat(Statistics.binomialZ(winsOfA(true), TRIALS, 1.0 / 3)).isLessThan(Statistics.Z_ALPHA_0_001);
    }

    @Test
    void withholding_raises_the_win_rate_under_plain_commit_reveal() {
        final long wins = winsOfA(false);

        assertThat(wins).isGreaterThan(TRIALS / 3);
        assertThat(Statistics.binomialZ(wins, TRIALS, 1.0 / 3)).isGreaterThan(Statistics.Z_ALPHA_0_001);
    }
}
