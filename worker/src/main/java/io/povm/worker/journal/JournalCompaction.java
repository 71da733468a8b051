// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.journal;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link ReportJournal#open} rewrites the journal: once the file is larger than {@code thresholdBytes}, each
 * replica keeps only its latest entry, and finished replicas whose last entry is older than {@code retention} are
 * dropped. Retention keeps recently finished replicas known, so an event delivered again is still recognised.
 */
public final class JournalCompaction {
    /** 4 MiB, 7 days. */
    public static final JournalCompaction DEFAULT = new JournalCompaction(4L << 20, Duration.ofDays(7));
    /** Never rewrite. */
    public static final JournalCompaction NEVER = new JournalCompaction(Long.MAX_VALUE, Duration.ofDays(36_500));

    private final long thresholdBytes;
    private final Duration retention;

    public JournalCompaction(final long thresholdBytes, final Duration retention) {
        if (thresholdBytes < 0) {
            throw new IllegalArgumentException("thresholdBytes must be 0 or more, was " + thresholdBytes);
        }
        this.thresholdBytes = thresholdBytes;
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative, was " + retention);
        }
    }

    long thresholdBytes() {
        return thresholdBytes;
    }

    Duration retention() {
        return retention;
    }
}
