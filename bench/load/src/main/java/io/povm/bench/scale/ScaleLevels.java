// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.scale;

import java.util.ArrayList;
import java.util.List;

/**
 * P5's arithmetic: the ledger sizes measured at, how many jobs each needs filled, whether a fill fits the time left,
 * and each figure as a ratio to the first level's.
 */
public final class ScaleLevels {
    private ScaleLevels() {}

    /** @return the levels, ascending, each at least 1; {@code "1000,10000"} gives 1000 and 10000 */
    public static List<Long> parse(final String text) {
        final List<Long> levels = new ArrayList<>();
        for (String part : text.split(",")) {
            final long level = Long.parseLong(part.strip().replace("_", ""));
            if (level < 1 || (!levels.isEmpty() && level <= levels.get(levels.size() - 1))) {
                throw new IllegalArgumentException("levels must be 1 or more and ascending; got '" + text + "'");
            }
            levels.add(level);
        }
        return levels;
    }

    /** @return how many jobs to add to {@code onLedger} to reach {@code level}, 0 when there are enough */
    public static long toFill(final long onLedger, final long level) {
        return Math.max(0, level - onLedger);
    }

    /**
     * @param jobsPerSecond the fill rate measured so far; 0 when nothing was filled yet (then it is tried)
     * @return whether filling {@code jobs} at that rate takes at most {@code secondsLeft}
     */
    public static boolean fits(final double jobsPerSecond, final long jobs, final double secondsLeft) {
        if (jobs == 0 || jobsPerSecond <= 0) {
            return secondsLeft > 0;
        }
        return jobs / jobsPerSecond <= secondsLeft;
    }

    /** @return {@code value ÷ base} to two decimals, 0 when the base is not positive */
    public static double ratio(final double value, final double base) {
        return base > 0 ? Math.round(value / base * 100) / 100.0 : 0;
    }
}
