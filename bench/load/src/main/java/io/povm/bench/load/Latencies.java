// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import java.util.List;

/** Latency percentiles in milliseconds (nearest-rank), all zero when nothing succeeded. */
public record Latencies(double p50, double p90, double p99, double max, double mean) {
    public static Latencies of(final List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new Latencies(0, 0, 0, 0, 0);
        }
        final long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        final double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0);
        return new Latencies(
                millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.90)),
                millis(rank(sorted, 0.99)),
                millis(sorted[sorted.length - 1]),
                millis(mean));
    }

    /** The nearest-rank percentile: the smallest value with at least {@code fraction} of the values at or below it. */
    static long rank(final long[] sorted, final double fraction) {
        final int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(final double nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
