// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import java.util.Objects;

/**
 * One thing wrong with a worker configuration: which key, where its value came from, what was wrong and what would
 * be accepted. Immutable.
 */
public final class ConfigProblem {
    /** What kind of problem; tests and callers branch on this, never on the message. */
    public enum Kind {
        /** The configuration file itself cannot be read or parsed. */
        UNREADABLE,
        /** A key the worker does not know (usually a typo). */
        UNKNOWN_KEY,
        /** A required key has no value. */
        MISSING,
        /** The value has the wrong form (not a number, not a duration, not host:port, ...). */
        MALFORMED,
        /** The value has the right form but lies outside the accepted range. */
        OUT_OF_RANGE,
        /** The value names a file or directory that is missing or cannot be used. */
        BAD_PATH
    }

    private final Kind kind;
    private final String key;
    private final String origin;
    private final String problem;
    private final String accepted;

    ConfigProblem(final Kind kind, final String key, final String origin, final String problem, final String accepted) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.key = Objects.requireNonNull(key, "key");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.accepted = Objects.requireNonNull(accepted, "accepted");
    }

    public Kind kind() {
        return kind;
    }

    /** @return the configuration key, e.g. {@code slots} or {@code peers[1].endpoint} */
    public String key() {
        return key;
    }

    /** @return where the value came from: the file, an environment variable or the default */
    public String origin() {
        return origin;
    }

    public String problem() {
        return problem;
    }

    public String accepted() {
        return accepted;
    }

    @Override
    public String toString() {
        return key + ": " + problem + " (from " + origin + "); accepted: " + accepted;
    }
}
