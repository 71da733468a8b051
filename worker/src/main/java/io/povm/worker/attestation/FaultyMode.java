// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a worker misbehaves on purpose, for tests of result consensus only (docs/workers.md, "Faulty modes"). A real
 * worker runs {@link #NONE}.
 */
public enum FaultyMode {
    /** Honest: runs the job, commits to its result and reveals it. */
    NONE,
    /** Runs the job, then commits to and reveals a corrupted result: self-consistent and properly signed, but wrong. */
    WRONG_ANSWER,
    /** Runs nothing; commits to a random value, then reveals a copy of another replica's revealed result. */
    COPY,
    /** Runs the job and commits to its result honestly, but never reveals it. */
    SILENT,
    /**
     * Runs the job and reveals the right answer, but claims the SLA's max wall time less 1 ms, and as much CPU, as
     * its usage: what a worker paid on its own word would do.
     */
    INFLATE_USAGE;

    /** @return the name used in the configuration, e.g. {@code wrong-answer} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the mode named {@code text} as in the configuration */
    public static Optional<FaultyMode> of(final String text) {
        return Stream.of(values()).filter(m -> m.configName().equals(text)).findFirst();
    }

    /** @return every configuration name, for error messages: {@code none|wrong-answer|copy|silent|inflate-usage} */
    public static String accepted() {
        return Stream.of(values()).map(FaultyMode::configName).collect(Collectors.joining("|"));
    }
}
