// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.clock;

import io.povm.api.ClockTransactions;
import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A deadline that no single org's clock can close. A transaction's timestamp is chosen by its client, so one org
 * could forward-date a transaction to expire another org's lease. Instead each member org's operator posts ticks
 * (its own transactions' timestamps), and a deadline counts as passed for a decision about org X only when at least
 * a majority threshold t = floor(n/2) + 1 of the member orgs other than X have ticked past it (design note "beacon",
 * point 9). With three orgs that is both other orgs; forging it takes t colluding orgs.
 *
 * <p>An org's tick is <b>counted</b> at most {@link #MAX_LEAD} past the freshest other org's tick: a tick stored
 * further ahead (a {@link #resume} after a network-wide stall, or the only tick on a new network) is held as the
 * org's claim and counts in full only once another org has ticked near it. So one org running ahead, by mistake or
 * on purpose, moves nothing: every rule below reads counted ticks.
 *
 * <p>Immutable: {@link #tick} and {@link #resume} return the new clock state.
 */
public final class MultipartyClock {
    /** How far an org's tick may run ahead of the freshest other org's tick, and be counted. */
    public static final Duration MAX_LEAD = Duration.ofSeconds(60);

    private final Set<String> members;
    private final SortedMap<String, Instant> claims;

    /**
     * @param members the member orgs' MSP ids
     * @param claims each org's latest stored tick; orgs that never ticked are absent
     */
    public MultipartyClock(final Set<String> members, final Map<String, Instant> claims) {
        this.members = Set.copyOf(members);
        this.claims = new TreeMap<>(claims);
    }

    /** @return the threshold t = floor(n/2) + 1 over the member orgs */
    public int threshold() {
        return members.size() / 2 + 1;
    }

    /**
     * An org's tick, accepted when it is later than the org's previous tick and at most {@link #MAX_LEAD} ahead of the
     * freshest other member org's tick (any time while no other org has ticked).
     *
     * @return the clock after org {@code msp} ticked at {@code at}
     * @throws PovmException INVALID_ARGUMENT [timestamp] when the tick is not after the org's previous tick, or runs
     *     ahead of the other orgs by more than {@link #MAX_LEAD}
     */
    public MultipartyClock tick(final String msp, final Instant at) {
        requireLater(msp, at);
        final Optional<Instant> freshest = freshestOther(msp);
        if (freshest.isPresent() && at.isAfter(freshest.get().plus(MAX_LEAD))) {
            throw PovmException.invalid(
                    "timestamp",
                    "the tick (" + at + ") runs "
                            + Duration.between(freshest.get(), at).toSeconds()
                            + " s " + ClockTransactions.AHEAD_OF_OTHERS + " (" + freshest.get() + "); at most "
                            + MAX_LEAD.toSeconds() + " s is allowed. Check this host's clock; after a stall of the"
                            + " whole network, clock:Resume records the time as a claim that counts once another"
                            + " org ticks near it");
        }
        return with(msp, at);
    }

    /**
     * After a network-wide stall (no org ticked for longer than {@link #MAX_LEAD}), every tick is "ahead" of all the
     * others and {@link #tick} refuses it; a resume stores it as the org's claim instead, counted at most {@link
     * #MAX_LEAD} past the other orgs' ticks until one of them ticks near it.
     *
     * @return the clock after org {@code msp} claimed {@code at}
     * @throws PovmException INVALID_ARGUMENT [timestamp] when not after the org's previous tick; INVALID_STATE
     *     [timestamp] when a plain tick would be accepted
     */
    public MultipartyClock resume(final String msp, final Instant at) {
        requireLater(msp, at);
        final Optional<Instant> freshest = freshestOther(msp);
        if (freshest.isEmpty() || !at.isAfter(freshest.get().plus(MAX_LEAD))) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "timestamp",
                    ClockTransactions.NOT_STALLED + ": the tick is within " + MAX_LEAD.toSeconds()
                            + " s of the other orgs' ticks; send clock:Tick"));
        }
        return with(msp, at);
    }

    /**
     * A tick never goes back behind the org's previous one, except behind a claim that is held (counted only up to
     * {@link #MAX_LEAD} past the others): an org whose clock ran ahead is not locked out of its own clock.
     */
    private void requireLater(final String msp, final Instant at) {
        final Instant previous = claims.get(msp);
        if (previous != null && !at.isAfter(previous) && !counted(msp).isBefore(previous)) {
            throw PovmException.invalid("timestamp", ClockTransactions.NOT_LATER + " (" + previous + "); got " + at);
        }
    }

    private MultipartyClock with(final String msp, final Instant at) {
        final Map<String, Instant> next = new TreeMap<>(claims);
        next.put(msp, at);
        return new MultipartyClock(members, next);
    }

    private Optional<Instant> freshestOther(final String msp) {
        return claims.entrySet().stream()
                .filter(e -> members.contains(e.getKey()) && !e.getKey().equals(msp))
                .map(Map.Entry::getValue)
                .max(Comparator.naturalOrder());
    }

    /** @return org {@code msp}'s tick as counted: its claim, at most {@link #MAX_LEAD} past the others'; null if none */
    private Instant counted(final String msp) {
        final Instant claim = claims.get(msp);
        if (claim == null) {
            return null;
        }
        return freshestOther(msp)
                .map(freshest -> freshest.plus(MAX_LEAD))
                .filter(limit -> limit.isBefore(claim))
                .orElse(claim);
    }

    /**
     * @param deadline the deadline in question
     * @param affectedOrg the org the decision is about (e.g. the org whose worker's lease would expire); its own
     *     ticks never count
     * @return whether at least {@link #threshold()} member orgs other than {@code affectedOrg} ticked after the
     *     deadline
     */
    public boolean hasPassed(final Instant deadline, final String affectedOrg) {
        return orgsPast(deadline, affectedOrg).size() >= threshold();
    }

    /** @return the member orgs other than {@code affectedOrg} whose counted tick is after the deadline, sorted */
    public Set<String> orgsPast(final Instant deadline, final String affectedOrg) {
        Objects.requireNonNull(deadline, "deadline");
        return latestTicks().entrySet().stream()
                .filter(e -> members.contains(e.getKey()) && !e.getKey().equals(affectedOrg))
                .filter(e -> e.getValue().isAfter(deadline))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** @return why the deadline has not passed yet, for error messages; names who has and has not ticked past it */
    public String explainNotPassed(final Instant deadline, final String affectedOrg) {
        final Set<String> past = orgsPast(deadline, affectedOrg);
        return String.format(
                "deadline %s has passed on %d of the %d member org clocks needed (other than %s): %s",
                deadline, past.size(), threshold(), affectedOrg, past.isEmpty() ? "none yet" : String.join(", ", past));
    }

    /**
     * @return the latest time that at least {@link #threshold()} member orgs have reached on their counted ticks (with
     *     three orgs, the second-latest tick), or empty while fewer have ticked; no minority can move it
     */
    public Optional<Instant> majorityTime() {
        final List<Instant> ticks = new ArrayList<>();
        latestTicks().forEach((msp, at) -> {
            if (members.contains(msp)) {
                ticks.add(at);
            }
        });
        if (ticks.size() < threshold()) {
            return Optional.empty();
        }
        ticks.sort(Comparator.reverseOrder());
        return Optional.of(ticks.get(threshold() - 1));
    }

    /** @return each org's latest tick as counted (see the class comment), by MSP id */
    public SortedMap<String, Instant> latestTicks() {
        final SortedMap<String, Instant> counted = new TreeMap<>();
        claims.keySet().forEach(msp -> counted.put(msp, counted(msp)));
        return counted;
    }

    /** @return each org's latest stored tick, which may run ahead of what is counted */
    public SortedMap<String, Instant> claims() {
        return new TreeMap<>(claims);
    }
}
