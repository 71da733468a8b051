package io.povm.chaincode.clock;

import io.povm.api.ClockTicks;
import io.povm.api.Members;
import io.povm.chaincode.TxTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * Each member org's latest tick, one key per org so that orgs never write the same key:
 *
 * <pre>
 * ("clock", msp) -> the tick, ISO-8601 UTC text
 * </pre>
 */
public final class ClockLedger {
    static final String CLOCK = "clock";

    private final ChaincodeStub stub;

    public ClockLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    static String key(final String msp) {
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

    /** Stores org {@code msp}'s tick, as {@link MultipartyClock#tick} accepted it. */
    public void write(final String msp, final String isoTime) {
        stub.putState(key(msp), isoTime.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the clock's ticks as the API value */
    public static ClockTicks ticks(final MultipartyClock clock) {
        final Map<String, String> iso = new TreeMap<>();
        clock.latestTicks().forEach((msp, at) -> iso.put(msp, TxTime.iso(at)));
        return new ClockTicks(iso);
    }
}
