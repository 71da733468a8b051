// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/** Names of the {@value #CONTRACT} contract: the multiparty clock that closes lease deadlines. */
public final class ClockTransactions {
    /** The contract's name; transactions are called as {@code clock:Tick}. */
    public static final String CONTRACT = "clock";

    /**
     * Posts the caller's org's tick: the transaction's timestamp, later than the org's previous tick and at most 60 s
     * ahead of the freshest other org's. The org's operator only.
     */
    public static final String TICK = CONTRACT + ":Tick";

    /**
     * After a stall of the whole network (no org ticked for over a minute), posts the caller's org's time as a claim
     * that counts once another org ticks near it; refused with INVALID_STATE while a plain tick would do.
     */
    public static final String RESUME = CONTRACT + ":Resume";

    /** Reads every member org's latest tick, as counted. */
    public static final String GET = CONTRACT + ":Get";

    /**
     * The words of a {@link #TICK}'s INVALID_ARGUMENT [timestamp] refusal for running ahead of the other orgs, which
     * clients that then send {@link #RESUME} recognise it by (the same field also refuses a tick not after the org's
     * previous one).
     */
    public static final String AHEAD_OF_OTHERS = "ahead of the freshest other org's tick";

    /**
     * The words of a {@link #RESUME}'s INVALID_STATE [timestamp] refusal when the clock runs (another org ticked or
     * resumed within the lead allowed), which clients that then send {@link #TICK} recognise it by.
     */
    public static final String NOT_STALLED = "the clock is not stalled";

    /**
     * The words of a {@link #TICK}'s or {@link #RESUME}'s INVALID_ARGUMENT [timestamp] refusal for a time not after the
     * org's previous tick (the host's clock behind the time the org last ticked at), which clients recognise it by.
     */
    public static final String NOT_LATER = "a tick must be later than the org's previous tick";

    /** Event of {@link #TICK}; its payload is the {@link ClockTicks} after the tick. */
    public static final String CLOCK_TICKED_EVENT = "ClockTicked";

    private ClockTransactions() {}
}
