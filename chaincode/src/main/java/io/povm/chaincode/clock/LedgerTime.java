// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.clock;

import io.povm.chaincode.TxTime;
import java.time.Instant;
import java.util.Objects;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The time a transaction may compute deadlines from: its timestamp, which its client chose, bounded by the
 * multiparty clock. A transaction dated more than {@link #MAX_AHEAD} past the clock's majority time (as the epoch
 * key records it, {@link ClockLedger#epoch()}) is taken at that bound instead, so no client stretches a deadline,
 * a lease or a beacon phase by forward-dating its proposal. While the clock has no majority time yet (a new network
 * whose orgs have not ticked), the timestamp is taken as it is: nothing can pass a deadline then either.
 */
public final class LedgerTime {
    /** The most a transaction's time may run ahead of the recorded majority time. */
    public static final java.time.Duration MAX_AHEAD = ClockLedger.EPOCH_STEP.plus(MultipartyClock.MAX_LEAD);

    private LedgerTime() {}

    /** @return the transaction's timestamp, at most {@link #MAX_AHEAD} past the clock's recorded majority time */
    public static Instant now(final ChaincodeStub stub) {
        Objects.requireNonNull(stub, "stub");
        final Instant txTime = Instant.parse(TxTime.iso(stub.getTxTimestamp()));
        return new ClockLedger(stub)
                .epoch()
                .map(epoch -> epoch.plus(MAX_AHEAD))
                .filter(limit -> limit.isBefore(txTime))
                .orElse(txTime);
    }

    /** @return {@link #now} as ISO-8601 UTC text with millis */
    public static String iso(final ChaincodeStub stub) {
        return TxTime.iso(now(stub));
    }
}
