// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.beacon.RoundHeader;
import io.povm.api.beacon.RoundOutcome;
import io.povm.api.beacon.RoundView;
import io.povm.chaincode.clock.MultipartyClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a round stands on the multiparty clock. A phase closes early when every member acted; otherwise only when,
 * for each member that did not act, a majority of the other orgs ticked past the phase's deadline, so that no
 * single org's clock closes a phase (design note "beacon", point 9).
 *
 * <ul>
 *   <li>{@link #COMMIT}: dealers post commitments and encrypted shares;
 *   <li>{@link #CHECK}: holders check the shares dealt to them and complain about bad ones;
 *   <li>{@link #REVEAL}: qualified dealers reveal; once a dealer's reveal deadline passed, holders post its shares;
 *   <li>{@link #CLOSABLE}: every qualified secret can be had; {@code CloseRound} draws;
 *   <li>{@link #CLOSED}; {@link #STALLED}: fewer than threshold dealers qualified. A stalled round is never
 *       re-drawn (no re-rolls).
 * </ul>
 */
public enum RoundPhase {
    COMMIT,
    CHECK,
    REVEAL,
    CLOSABLE,
    CLOSED,
    STALLED;

    /** A phase and what it waits for. */
    public record Status(RoundPhase phase, String note) {}

    /** @return the round's phase given its pieces and the clock now */
    public static Status of(final RoundView view, final MultipartyClock clock, final RoundOutcome outcome) {
        final RoundHeader header = view.header();
        if (view.result() != null) {
            return new Status(CLOSED, "closed");
        }
        final List<String> notCommitted =
                header.msps().stream().filter(msp -> view.commit(msp).isEmpty()).toList();
        if (!closed(notCommitted, header.commitBy(), clock)) {
            return new Status(
                    COMMIT,
                    "waiting for commits from " + String.join(", ", notCommitted) + " until " + header.commitBy()
                            + " on the multiparty clock");
        }
        if (header.msps().size() - notCommitted.size() < header.threshold()) {
            return new Status(
                    STALLED,
                    "only " + (header.msps().size() - notCommitted.size()) + " dealers committed; " + header.threshold()
                            + " are needed");
        }
        final List<String> notChecked =
                header.msps().stream().filter(msp -> view.check(msp).isEmpty()).toList();
        if (!closed(notChecked, header.checkBy(), clock)) {
            return new Status(
                    CHECK,
                    "waiting for share checks from " + String.join(", ", notChecked) + " until " + header.checkBy());
        }
        final RoundOutcome.Secrets secrets = outcome.secrets(view);
        if (secrets.qualified().size() < header.threshold()) {
            return new Status(
                    STALLED,
                    "only " + secrets.qualified().size() + " dealers qualified; " + header.threshold() + " are needed");
        }
        if (secrets.missing().isEmpty()) {
            return new Status(CLOSABLE, "every qualified secret is known; CloseRound draws");
        }
        return new Status(
                REVEAL,
                "waiting for the secrets of " + String.join(", ", secrets.missing()) + ": reveal, or (after "
                        + header.revealBy() + ") " + header.threshold() + " recovery shares each");
    }

    /**
     * @return when the deadlines of something opened now by {@code opener} count from: this transaction's time, but
     *     never from before another org's latest tick
     */
    static Instant deadlineBase(final Instant now, final String opener, final MultipartyClock clock) {
        Instant base = now;
        for (final Map.Entry<String, Instant> tick : clock.latestTicks().entrySet()) {
            if (!tick.getKey().equals(opener) && tick.getValue().isAfter(base)) {
                base = tick.getValue();
            }
        }
        return base;
    }

    /** @return whether the deadline closes a phase that {@code laggards} did not act in */
    static boolean closed(final List<String> laggards, final String deadline, final MultipartyClock clock) {
        final Instant at = Instant.parse(deadline);
        return laggards.stream().allMatch(msp -> clock.hasPassed(at, msp));
    }
}
