package io.povm.client.clock;

import io.povm.api.ClockTicks;
import io.povm.api.ClockTransactions;
import io.povm.client.PovmChaincode;
import io.povm.client.Replies;
import java.util.Objects;

/**
 * The multiparty clock: each member org posts ticks, and a lease deadline counts as passed for org X only when a
 * majority of the other orgs ticked past it. A worker daemon ticks with its heartbeat.
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

    /** @return every member org's latest tick */
    public ClockTicks ticks() {
        return Replies.read(chaincode.evaluate(ClockTransactions.GET), ClockTicks.class, ClockTransactions.GET);
    }
}
