// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

/** Test statistics for the fairness and withholding tests (doubles are fine here: they judge, they do not draw). */
final class Statistics {
    /** Upper 0.1% point of chi-square with 3 degrees of freedom. */
    static final double CHI_SQUARE_3_DF_ALPHA_0_001 = 16.266;

    /** Two-sided 0.1% point of the standard normal: P(|Z| > 3.2905) = 0.001. */
    static final double Z_ALPHA_0_001 = 3.2905;

    private Statistics() {}

    /** Pearson's statistic Σ (observed - expected)^2 / expected. */
    static double chiSquare(final long[] observed, final double[] expected) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            final double d = observed[i] - expected[i];
            sum += d * d / expected[i];
        }
        return sum;
    }

    /**
     * Two-sided binomial test of H0: P(success) = p after {@code trials} trials with {@code successes}, by the normal
     * approximation: under H0 the count has mean np and variance np(1-p), and for np(1-p) well above 10 (here
     * hundreds) (|k - np| - 1/2) / sqrt(np(1-p)) is close to a standard normal; the 1/2 is the continuity correction
     * for approximating a discrete count by a continuous law. Returns that z score; reject H0 when it exceeds
     * {@link #Z_ALPHA_0_001}.
     */
    static double binomialZ(final long successes, final long trials, final double p) {
        final double mean = trials * p;
        final double sd = Math.sqrt(trials * p * (1 - p));
        return Math.max(0, Math.abs(successes - mean) - 0.5) / sd;
    }
}
