// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.clock;

import io.povm.api.ClockTicks;
import io.povm.api.Members;
import io.povm.chaincode.TxTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * Each member org's latest tick, one key per org so that orgs never write the same key:
 *
 * <pre>
 * ("clock", msp) -> the tick, ISO-8601 UTC text
 * ("clock-epoch") -> the clock's majority time, ISO-8601 UTC text, rewritten only when it moved EPOCH_STEP on
 * </pre>
 *
 * <p>The epoch key lets any transaction bound its own timestamp by the multiparty clock ({@link LedgerTime}) with
 * one read of a key that changes about once a minute, instead of reading every org's tick, which changes with every
 * heartbeat and would make those transactions conflict with the ticks.
 */
public final class ClockLedger {
    static final String CLOCK = "clock";
    static final String EPOCH = "clock-epoch";

    /** How far the majority time moves on before the epoch key is rewritten. */
    public static final Duration EPOCH_STEP = Duration.ofSeconds(60);

    private final ChaincodeStub stub;

    public ClockLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    public static String key(final String msp) {
        return new CompositeKey(CLOCK, msp).toString();
    }

    /** @return the clock of the member orgs, from one read per member */
    public MultipartyClock read(final Members members) {
        final Map<String, Instant> ticks = new TreeMap<>();
        for (final String msp : members.msps()) {
            final byte[] value = stub.getState(key(msp));
            if (value != null && value.length > 0) {
                ticks.put(msp, Instant.parse(new String(value, StandardCharsets.UTF_8)));
            }
        }
        return new MultipartyClock(new TreeSet<>(members.msps()), ticks);
    }

    public static String epochKey() {
        return new CompositeKey(EPOCH).toString();
    }

    /**
     * Stores org {@code msp}'s tick, as {@link MultipartyClock#tick} or {@link MultipartyClock#resume} accepted it,
     * and the epoch when the clock's majority time moved {@link #EPOCH_STEP} past it.
     */
    public void write(final String msp, final MultipartyClock after) {
        stub.putState(key(msp), TxTime.iso(after.claims().get(msp)).getBytes(StandardCharsets.UTF_8));
        final Optional<Instant> majority = after.majorityTime();
        if (majority.isPresent()) {
            final Optional<Instant> epoch = epoch();
            if (epoch.isEmpty() || !majority.get().isBefore(epoch.get().plus(EPOCH_STEP))) {
                stub.putState(epochKey(), TxTime.iso(majority.get()).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** @return the stored epoch: the clock's majority time, at most {@link #EPOCH_STEP} behind it */
    public Optional<Instant> epoch() {
        final byte[] value = stub.getState(epochKey());
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(Instant.parse(new String(value, StandardCharsets.UTF_8)));
    }

    /** @return the clock's ticks as the API value */
    public static ClockTicks ticks(final MultipartyClock clock) {
        final Map<String, String> iso = new TreeMap<>();
        clock.latestTicks().forEach((msp, at) -> iso.put(msp, TxTime.iso(at)));
        return new ClockTicks(iso);
    }
}
