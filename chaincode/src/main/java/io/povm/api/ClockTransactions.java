package io.povm.api;

/** Names of the {@value #CONTRACT} contract: the multiparty clock that closes lease deadlines. */
public final class ClockTransactions {
    /** The contract's name; transactions are called as {@code clock:Tick}. */
    public static final String CONTRACT = "clock";

    /** Posts the caller's org's tick: the transaction's timestamp, later than the org's previous tick. */
    public static final String TICK = CONTRACT + ":Tick";

    /** Reads every member org's latest tick. */
    public static final String GET = CONTRACT + ":Get";

    /** Event of {@link #TICK}; its payload is the {@link ClockTicks} after the tick. */
    public static final String CLOCK_TICKED_EVENT = "ClockTicked";

    private ClockTransactions() {}
}
