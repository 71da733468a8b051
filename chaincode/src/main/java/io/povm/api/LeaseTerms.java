// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a worker holding a replica under an SLA has before its lease expires: it must acknowledge within the start
 * window after the assignment, and report within the SLA's maximum wall time plus the finish margin after its
 * acknowledgement. Optional in an SLA proposal; {@link #DEFAULT} applies when absent.
 *
 * <pre>{@code
 * {"startWindowSeconds":60,"finishMarginSeconds":30,"revealWindowSeconds":60,"challengeWindowSeconds":60}
 * }</pre>
 *
 * <p>The reveal window (after every replica committed, how long workers have to reveal) and the challenge window
 * (after a soft verdict, how long anyone may challenge it) are optional within the terms and default to {@value
 * #DEFAULT_WINDOW_SECONDS} s; terms that leave them out serialize as before.
 */
@JsonPropertyOrder({"startWindowSeconds", "finishMarginSeconds", "revealWindowSeconds", "challengeWindowSeconds"})
public final class LeaseTerms {
    /** The terms of an SLA that names none: 60 s to acknowledge, 30 s past the wall time to report. */
    public static final LeaseTerms DEFAULT = new LeaseTerms(60, 30);

    @JsonProperty("startWindowSeconds")
    private final int startWindowSeconds;

    @JsonProperty("finishMarginSeconds")
    private final int finishMarginSeconds;

    @JsonProperty("revealWindowSeconds")
    private final Integer revealWindowSeconds;

    @JsonProperty("challengeWindowSeconds")
    private final Integer challengeWindowSeconds;

    /** Reveal and challenge window of terms that name none. */
    public static final int DEFAULT_WINDOW_SECONDS = 60;

    public LeaseTerms(final int startWindowSeconds, final int finishMarginSeconds) {
        this(startWindowSeconds, finishMarginSeconds, null, null);
    }

    /**
     * @param revealWindowSeconds null for the default
     * @param challengeWindowSeconds null for the default
     */
    public LeaseTerms(
            final int startWindowSeconds,
            final int finishMarginSeconds,
            final Integer revealWindowSeconds,
            final Integer challengeWindowSeconds) {
        this.startWindowSeconds = startWindowSeconds;
        this.finishMarginSeconds = finishMarginSeconds;
        this.revealWindowSeconds = revealWindowSeconds;
        this.challengeWindowSeconds = challengeWindowSeconds;
    }

    @JsonCreator
    static LeaseTerms fromJson(
            @JsonProperty("startWindowSeconds") final Integer startWindowSeconds,
            @JsonProperty("finishMarginSeconds") final Integer finishMarginSeconds,
            @JsonProperty("revealWindowSeconds") final Integer revealWindowSeconds,
            @JsonProperty("challengeWindowSeconds") final Integer challengeWindowSeconds) {
        return new LeaseTerms(
                PovmException.requirePresent(
                        startWindowSeconds,
                        "lease.startWindowSeconds",
                        SlaSpecValidator.accepted("lease.startWindowSeconds")),
                PovmException.requirePresent(
                        finishMarginSeconds,
                        "lease.finishMarginSeconds",
                        SlaSpecValidator.accepted("lease.finishMarginSeconds")),
                revealWindowSeconds,
                challengeWindowSeconds);
    }

    /** @return seconds workers have to reveal once every replica committed */
    public int revealWindowSeconds() {
        return revealWindowSeconds == null ? DEFAULT_WINDOW_SECONDS : revealWindowSeconds;
    }

    /** @return seconds anyone may challenge a soft verdict */
    public int challengeWindowSeconds() {
        return challengeWindowSeconds == null ? DEFAULT_WINDOW_SECONDS : challengeWindowSeconds;
    }

    /** @return seconds from the assignment within which the worker must acknowledge */
    public int startWindowSeconds() {
        return startWindowSeconds;
    }

    /** @return seconds past the SLA's wall time within which a running replica must be reported */
    public int finishMarginSeconds() {
        return finishMarginSeconds;
    }

    public Duration startWindow() {
        return Duration.ofSeconds(startWindowSeconds);
    }

    /** @return the SLA's wall time plus the finish margin */
    public Duration finishWindow(final VmTerms vm) {
        return Duration.ofSeconds((long) vm.maxWallSeconds() + finishMarginSeconds);
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof LeaseTerms)) {
            return false;
        }
        final LeaseTerms that = (LeaseTerms) other;
        return startWindowSeconds == that.startWindowSeconds
                && finishMarginSeconds == that.finishMarginSeconds
                && Objects.equals(revealWindowSeconds, that.revealWindowSeconds)
                && Objects.equals(challengeWindowSeconds, that.challengeWindowSeconds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startWindowSeconds, finishMarginSeconds, revealWindowSeconds, challengeWindowSeconds);
    }

    @Override
    public String toString() {
        return "LeaseTerms{startWindowSeconds=" + startWindowSeconds + ", finishMarginSeconds=" + finishMarginSeconds
                + ", revealWindowSeconds=" + revealWindowSeconds() + ", challengeWindowSeconds="
                + challengeWindowSeconds() + "}";
    }
}
