// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import java.util.Objects;
import java.util.Optional;

/** The {@link ImageGate}'s answer: accepted with the image id to run, or refused with a reason and a message. */
public final class GateDecision {
    private final Optional<String> imageId;
    private final Optional<RefusalReason> refusal;
    private final String message;

    private GateDecision(final Optional<String> imageId, final Optional<RefusalReason> refusal, final String message) {
        this.imageId = imageId;
        this.refusal = refusal;
        this.message = message;
    }

    static GateDecision accepted(final String imageId) {
        Objects.requireNonNull(imageId, "imageId");
        return new GateDecision(Optional.of(imageId), Optional.empty(), "image " + imageId + " accepted");
    }

    static GateDecision refused(final RefusalReason reason, final String message) {
        return new GateDecision(
                Optional.empty(),
                Optional.of(Objects.requireNonNull(reason, "reason")),
                Objects.requireNonNull(message, "message"));
    }

    public boolean accepted() {
        return refusal.isEmpty();
    }

    /** The id to create the container from, {@code sha256:<hex>}; present when accepted. */
    public Optional<String> imageId() {
        return imageId;
    }

    /** Present when refused. */
    public Optional<RefusalReason> refusal() {
        return refusal;
    }

    /** What was checked, or what was wrong and what would be accepted. */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof GateDecision)) {
            return false;
        }
        final GateDecision that = (GateDecision) other;
        return imageId.equals(that.imageId) && refusal.equals(that.refusal) && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(imageId, refusal, message);
    }

    @Override
    public String toString() {
        return refusal.map(r -> "refused " + r + ": " + message).orElse(message);
    }
}
