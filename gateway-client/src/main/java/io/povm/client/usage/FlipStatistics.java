package io.povm.client.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a sweep of coin-flip runs says about the coin: the luckiest and unluckiest seed, and the mean number of flips
 * to K heads in a row with a 95% confidence interval (normal approximation with the sample standard deviation),
 * against the expectation 2^(K+1) - 2.
 *
 * <pre>{@code
 * FlipStatistics stats = FlipStatistics.of(8, List.of(new SeedFlips("demo-1", 301), new SeedFlips("demo-2", 702)));
 * stats.luckiest(); // demo-1, 301 flips
 * }</pre>
 *
 * @param k heads in a row each run looked for
 * @param n the number of runs, 1 or more
 * @param expectedFlips 2^(K+1) - 2
 * @param meanFlips the sample mean
 * @param stdDevFlips the sample standard deviation (divisor n - 1); absent when n = 1
 * @param ci95Low the low end of the 95% interval of the mean; absent when n = 1
 * @param ci95High its high end; absent when n = 1
 * @param luckiest the run with the fewest flips (the first of equals, in the order given)
 * @param unluckiest the run with the most flips (the first of equals)
 */
@JsonPropertyOrder({
    "k",
    "n",
    "expectedFlips",
    "meanFlips",
    "stdDevFlips",
    "ci95Low",
    "ci95High",
    "expectedInCi95",
    "luckiest",
    "unluckiest"
})
public record FlipStatistics(
        @JsonProperty("k") int k,
        @JsonProperty("n") int n,
        @JsonProperty("expectedFlips") long expectedFlips,
        @JsonProperty("meanFlips") double meanFlips,
        @JsonProperty("stdDevFlips") Double stdDevFlips,
        @JsonProperty("ci95Low") Double ci95Low,
        @JsonProperty("ci95High") Double ci95High,
        @JsonProperty("luckiest") SeedFlips luckiest,
        @JsonProperty("unluckiest") SeedFlips unluckiest) {
    /** The two-sided 95% quantile of the standard normal distribution. */
    public static final double Z_95 = 1.959963984540054;

    /** Largest K the coin flipper accepts. */
    public static final int MAX_K = 48;

    /**
     * @param k heads in a row, 1 to {@value #MAX_K}
     * @param runs one or more runs
     * @return the statistics of {@code runs}
     * @throws IllegalArgumentException when {@code k} is out of range or there are no runs
     */
    public static FlipStatistics of(final int k, final List<SeedFlips> runs) {
        final long expected = expectedFlips(k);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs: the statistics need at least one");
        }
        final int n = runs.size();
        final double mean = runs.stream().mapToLong(SeedFlips::flips).average().orElseThrow();
        final SeedFlips luckiest =
                runs.stream().min(Comparator.comparingLong(SeedFlips::flips)).orElseThrow();
        final SeedFlips unluckiest =
                runs.stream().max(Comparator.comparingLong(SeedFlips::flips)).orElseThrow();
        if (n == 1) {
            return new FlipStatistics(k, n, expected, mean, null, null, null, luckiest, unluckiest);
        }
        final double squares = runs.stream()
                .mapToDouble(run -> (run.flips() - mean) * (run.flips() - mean))
                .sum();
        final double stdDev = Math.sqrt(squares / (n - 1));
        final double half = Z_95 * stdDev / Math.sqrt(n);
        return new FlipStatistics(k, n, expected, mean, stdDev, mean - half, mean + half, luckiest, unluckiest);
    }

    /**
     * @return 2^(K+1) - 2, the expected number of flips of a fair coin until K heads in a row
     * @throws IllegalArgumentException when {@code k} is not 1 to {@value #MAX_K}
     */
    public static long expectedFlips(final int k) {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k is " + k + "; must be 1 to " + MAX_K);
        }
        return (1L << (k + 1)) - 2;
    }

    /** @return whether the expectation lies inside the 95% interval; empty when n = 1 */
    public Optional<Boolean> expectedInCi95() {
        if (ci95Low == null) {
            return Optional.empty();
        }
        return Optional.of(ci95Low <= expectedFlips && expectedFlips <= ci95High);
    }

    @JsonProperty("expectedInCi95")
    private Boolean expectedInCi95Json() {
        return expectedInCi95().orElse(null);
    }
}
