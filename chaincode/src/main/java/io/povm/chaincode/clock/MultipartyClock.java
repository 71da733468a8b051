package io.povm.chaincode.clock;

import io.povm.api.PovmException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A deadline that no single org's clock can close. A transaction's timestamp is chosen by its client, so one org
 * could forward-date a transaction to expire another org's lease. Instead each member org posts ticks (its own
 * transactions' timestamps, never going backwards), and a deadline counts as passed for a decision about org X only
 * when at least a majority threshold t = floor(n/2) + 1 of the member orgs other than X have ticked past it (design
 * note "beacon", point 9). With three orgs that is both other orgs; forging it takes t colluding orgs.
 *
 * <p>Immutable: {@link #tick} returns the new clock state.
 */
public final class MultipartyClock {
    private final Set<String> members;
    private final SortedMap<String, Instant> latestTicks;

    /**
     * @param members the member orgs' MSP ids
     * @param latestTicks each org's latest tick; orgs that never ticked are absent
     */
    public MultipartyClock(final Set<String> members, final Map<String, Instant> latestTicks) {
        this.members = Set.copyOf(members);
        this.latestTicks = new TreeMap<>(latestTicks);
    }

    /** @return the threshold t = floor(n/2) + 1 over the member orgs */
    public int threshold() {
        return members.size() / 2 + 1;
    }

    /**
     * @return the clock after org {@code msp} ticked at {@code at}
     * @throws PovmException FORBIDDEN [caller] for a non-member; INVALID_ARGUMENT [timestamp] when the tick is not
     *     after the org's previous one
     */
    public MultipartyClock tick(final String msp, final Instant at) {
        if (!members.contains(msp)) {
            throw PovmException.forbidden("caller", msp + " is not a member org; only member orgs keep the clock");
        }
        final Instant previous = latestTicks.get(msp);
        if (previous != null && !at.isAfter(previous)) {
            throw PovmException.invalid(
                    "timestamp", "a tick must be later than the org's previous tick (" + previous + "); got " + at);
        }
        final Map<String, Instant> ticks = new TreeMap<>(latestTicks);
        ticks.put(msp, at);
        return new MultipartyClock(members, ticks);
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

    /** @return the member orgs other than {@code affectedOrg} whose latest tick is after the deadline, sorted */
    public Set<String> orgsPast(final Instant deadline, final String affectedOrg) {
        Objects.requireNonNull(deadline, "deadline");
        return latestTicks.entrySet().stream()
                .filter(e -> members.contains(e.getKey()) && !e.getKey().equals(affectedOrg))
                .filter(e -> e.getValue().isAfter(deadline))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** @return why the deadline has not passed yet, for error messages; names who has and has not ticked past it */
    public String explainNotPassed(final Instant deadline, final String affectedOrg) {
        final Set<String> past = orgsPast(deadline, affectedOrg);
        return String.format(
                "deadline %s has passed on %d of the %d member org clocks needed (other than %s): %s",
                deadline, past.size(), threshold(), affectedOrg, past.isEmpty() ? "none yet" : String.join(", ", past));
    }

    /** @return each org's latest tick */
    public SortedMap<String, Instant> latestTicks() {
        return new TreeMap<>(latestTicks);
    }
}
