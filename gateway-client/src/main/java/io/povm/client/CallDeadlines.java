// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each kind of gateway call may take before it fails with {@code DEADLINE_EXCEEDED}. The defaults are the
 * Fabric samples' values: evaluate 5 s, endorse 15 s, submit 5 s, commit status 1 min.
 */
public final class CallDeadlines {
    /** The samples' values. */
    public static final CallDeadlines DEFAULTS = new CallDeadlines(
            Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofMinutes(1));

    private final Duration evaluate;
    private final Duration endorse;
    private final Duration submit;
    private final Duration commitStatus;

    public CallDeadlines(
            final Duration evaluate, final Duration endorse, final Duration submit, final Duration commitStatus) {
        this.evaluate = requirePositive(evaluate, "evaluate");
        this.endorse = requirePositive(endorse, "endorse");
        this.submit = requirePositive(submit, "submit");
        this.commitStatus = requirePositive(commitStatus, "commitStatus");
    }

    /** @return the same deadline for every kind of call, e.g. a short one in tests */
    public static CallDeadlines all(final Duration deadline) {
        return new CallDeadlines(deadline, deadline, deadline, deadline);
    }

    public Duration evaluate() {
        return evaluate;
    }

    public Duration endorse() {
        return endorse;
    }

    public Duration submit() {
        return submit;
    }

    public Duration commitStatus() {
        return commitStatus;
    }

    private static Duration requirePositive(final Duration value, final String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
