// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import java.util.Objects;

/**
 * How one transaction ended: its status ({@code VALID}, a Fabric validation code such as {@code MVCC_READ_CONFLICT}, or
 * the step that failed: {@code ENDORSE_FAILED}, {@code SUBMIT_FAILED}, {@code COMMIT_STATUS_FAILED},
 * {@code EVALUATE_FAILED}, {@code UNFINISHED}) and its latency from the moment it was due to be sent.
 */
public record Outcome(String status, long latencyNanos) {
    /** The status of a committed, valid transaction (and of a successful evaluate). */
    public static final String VALID = "VALID";

    public Outcome {
        Objects.requireNonNull(status, "status");
    }

    public boolean successful() {
        return VALID.equals(status);
    }
}
