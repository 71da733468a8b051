// SPDX-License-Identifier: Apache-2.0
package io.povm.client.clock;

import io.povm.api.ClockTicks;
import io.povm.api.ClockTransactions;
import io.povm.api.ErrorCode;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import io.povm.client.Replies;
import java.util.Objects;
import java.util.Optional;

/**
 * The multiparty clock: each member org's operator posts ticks, and a lease deadline counts as passed for org X only
 * when a majority of the other orgs ticked past it. A worker daemon, registered as its org's operator, ticks with its
 * heartbeat.
 */
public final class ClockClient {
    private final PovmChaincode chaincode;

    public ClockClient(final PovmChaincode chaincode) {
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
    }

    /** Posts this identity's org's tick (the transaction time) and waits for the commit. */
    public ClockTicks tick() {
        return Replies.read(chaincode.submit(ClockTransactions.TICK), ClockTicks.class, ClockTransactions.TICK);
    }

    /**
     * After a stall of the whole network, when {@link #tick()} is refused as running ahead of every other org: posts
     * this org's time as a claim that counts once another org ticks near it.
     */
    public ClockTicks resume() {
        return Replies.read(chaincode.submit(ClockTransactions.RESUME), ClockTicks.class, ClockTransactions.RESUME);
    }

    /**
     * Ticks; when the tick is refused as running ahead of every other org (the whole network stalled, e.g. after an
     * outage), resumes instead, so that the clock starts again once another org ticks near it. When the resume is
     * refused because the clock runs again (the orgs' daemons starting together after an outage: another org's
     * resume committed first, and this one, endorsed again after an MVCC conflict, comes within the lead of it), ticks
     * once more, which now counts.
     *
     * @return the ticks after this org's tick or resume
     */
    public ClockTicks tickOrResume() {
        try {
            return tick();
        } catch (PovmClientException e) {
            if (!isAhead(e)) {
                throw e;
            }
        }
        try {
            return resume();
        } catch (PovmClientException e) {
            if (!isNotStalled(e)) {
                throw e;
            }
            return tick();
        }
    }

    /**
     * {@link #tickOrResume}, except that a tick refused as not later than this org's previous tick is skipped: this
     * host's clock is behind the time the org last ticked at (set back, or skewed behind the clock the org's daemon
     * ran with before). The org's previous tick stands and counts; the next tick counts again once this host's clock
     * has passed it. Nothing else is swallowed.
     *
     * @return the ticks after this org's tick or resume; empty when the tick was refused as not later
     */
    public Optional<ClockTicks> tickOrResumeUnlessBehind() {
        try {
            return Optional.of(tickOrResume());
        } catch (PovmClientException e) {
            if (isBehind(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** @return whether a tick or resume was refused as not later than the org's previous tick */
    static boolean isBehind(final PovmClientException e) {
        return e.error()
                .filter(error -> error.code() == ErrorCode.INVALID_ARGUMENT
                        && "timestamp".equals(error.field())
                        && error.reason().contains(ClockTransactions.NOT_LATER))
                .isPresent();
    }

    /** @return whether a resume was refused because the clock runs (a plain tick would be accepted) */
    static boolean isNotStalled(final PovmClientException e) {
        return e.error()
                .filter(error -> error.code() == ErrorCode.INVALID_STATE
                        && "timestamp".equals(error.field())
                        && error.reason().contains(ClockTransactions.NOT_STALLED))
                .isPresent();
    }

    /** @return whether a tick was refused as running ahead of the other orgs' ticks */
    static boolean isAhead(final PovmClientException e) {
        return e.error()
                .filter(error -> error.code() == ErrorCode.INVALID_ARGUMENT
                        && "timestamp".equals(error.field())
                        && error.reason().contains(ClockTransactions.AHEAD_OF_OTHERS))
                .isPresent();
    }

    /** @return every member org's latest tick, as counted */
    public ClockTicks ticks() {
        return Replies.read(chaincode.evaluate(ClockTransactions.GET), ClockTicks.class, ClockTransactions.GET);
    }
}
