// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The outcomes of one load run, collected from many threads. */
public final class Tally {
    private final Map<String, Long> counts = new TreeMap<>();
    private final List<Long> validLatencies = new ArrayList<>();
    private boolean closed;

    /** Counts an outcome, unless the run was {@link #close closed}: a transaction that ends after that stays unfinished. */
    public synchronized void add(final Outcome outcome) {
        if (closed) {
            return;
        }
        counts.merge(outcome.status(), 1L, Long::sum);
        if (outcome.successful()) {
            validLatencies.add(outcome.latencyNanos());
        }
    }

    /** @return how many transactions ended with each status, sorted by status */
    public synchronized Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    /** @return the latencies of the successful transactions, in nanoseconds */
    public synchronized List<Long> validLatencies() {
        return List.copyOf(validLatencies);
    }

    /**
     * Stops counting and records every transaction of the {@code issued} that has no outcome yet as {@code
     * UNFINISHED}.
     */
    public synchronized void close(final long issued) {
        closed = true;
        final long unfinished = issued - total();
        if (unfinished > 0) {
            counts.merge("UNFINISHED", unfinished, Long::sum);
        }
    }

    public synchronized long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long valid() {
        return counts.getOrDefault(Outcome.VALID, 0L);
    }
}
