// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.PovmJson;
import io.povm.api.beacon.threshold.KeyCheck;
import io.povm.api.beacon.threshold.KeyDeal;
import io.povm.api.beacon.threshold.KeyEpoch;
import io.povm.api.beacon.threshold.Partial;
import io.povm.api.beacon.threshold.ThresholdKey;
import io.povm.api.beacon.threshold.ThresholdResult;
import io.povm.api.beacon.threshold.ThresholdRound;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * The threshold beacon's keys, beside {@link BeaconLedger}'s. Every piece is under its own key, so that orgs dealing,
 * checking or posting partials at the same time never write the same key:
 *
 * <pre>
 * ("beacon-epoch-latest")                   -> the latest opened key generation's number, decimal text
 * ("beacon-epoch-current")                  -> the latest completed key generation's number (rounds use its key)
 * ("beacon-epoch", epoch)                   -> KeyEpoch
 * ("beacon-epoch-deal", epoch, dealer)      -> KeyDeal
 * ("beacon-epoch-check", epoch, holder)     -> KeyCheck
 * ("beacon-epoch-key", epoch)               -> ThresholdKey
 * ("beacon-epoch-c0", C_0)                  -> the epoch whose deal used C_0 (a replayed deal is refused)
 * ("beacon-threshold-latest")               -> the latest opened threshold round's number
 * ("beacon-threshold-round", round)         -> ThresholdRound
 * ("beacon-threshold-partial", round, msp)  -> Partial
 * ("beacon-threshold-result", round)        -> ThresholdResult
 * </pre>
 *
 * Epoch and round numbers in keys are zero-padded to 12 digits so that range reads return them in order.
 */
public final class ThresholdLedger {
    static final String EPOCH_LATEST = "beacon-epoch-latest";
    static final String EPOCH_CURRENT = "beacon-epoch-current";
    static final String EPOCH = "beacon-epoch";
    static final String DEAL = "beacon-epoch-deal";
    static final String CHECK = "beacon-epoch-check";
    static final String KEY = "beacon-epoch-key";
    static final String C0 = "beacon-epoch-c0";
    static final String ROUND_LATEST = "beacon-threshold-latest";
    static final String ROUND = "beacon-threshold-round";
    static final String PARTIAL = "beacon-threshold-partial";
    static final String RESULT = "beacon-threshold-result";

    private final ChaincodeStub stub;

    public ThresholdLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    private static String k(final String type, final String... attributes) {
        return new CompositeKey(type, attributes).toString();
    }

    private static String n(final long number) {
        return BeaconLedger.n(number);
    }

    private <T> Optional<T> read(final String key, final Class<T> type) {
        final byte[] value = stub.getState(key);
        return value == null || value.length == 0
                ? Optional.empty()
                : Optional.of(PovmJson.read(new String(value, StandardCharsets.UTF_8), type));
    }

    private void write(final String key, final Object value) {
        stub.putState(key, PovmJson.writeBytes(value));
    }

    private long number(final String key) {
        final byte[] value = stub.getState(key);
        return value == null || value.length == 0 ? 0L : Long.parseLong(new String(value, StandardCharsets.UTF_8));
    }

    private void number(final String key, final long value) {
        stub.putState(key, Long.toString(value).getBytes(StandardCharsets.UTF_8));
    }

    private <T> List<T> range(final CompositeKey prefix, final Class<T> type) {
        final List<T> out = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(prefix)) {
            for (final KeyValue entry : results) {
                out.add(PovmJson.read(entry.getStringValue(), type));
            }
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** @return the latest opened key generation's number, 0 before the first */
    public long latestEpoch() {
        return number(k(EPOCH_LATEST));
    }

    /** @return the latest completed key generation's number, 0 before the first key */
    public long currentEpoch() {
        return number(k(EPOCH_CURRENT));
    }

    public Optional<KeyEpoch> epoch(final long epoch) {
        return read(k(EPOCH, n(epoch)), KeyEpoch.class);
    }

    /** Stores a newly opened key generation and makes it the latest. */
    public void open(final KeyEpoch epoch) {
        write(k(EPOCH, n(epoch.epoch())), epoch);
        number(k(EPOCH_LATEST), epoch.epoch());
    }

    public List<KeyDeal> deals(final long epoch) {
        return range(new CompositeKey(DEAL, n(epoch)), KeyDeal.class);
    }

    public Optional<KeyDeal> deal(final long epoch, final String dealer) {
        return read(k(DEAL, n(epoch), dealer), KeyDeal.class);
    }

    public void put(final KeyDeal deal) {
        write(k(DEAL, n(deal.epoch()), deal.dealer()), deal);
        number(k(C0, deal.commitments().get(0)), deal.epoch());
    }

    /** @return the epoch whose deal used {@code c0} as the commitment to its secret, if any */
    public Optional<Long> epochOfC0(final String c0) {
        final long epoch = number(k(C0, c0));
        return epoch == 0 ? Optional.empty() : Optional.of(epoch);
    }

    public List<KeyCheck> checks(final long epoch) {
        return range(new CompositeKey(CHECK, n(epoch)), KeyCheck.class);
    }

    public Optional<KeyCheck> check(final long epoch, final String holder) {
        return read(k(CHECK, n(epoch), holder), KeyCheck.class);
    }

    public void put(final KeyCheck check) {
        write(k(CHECK, n(check.epoch()), check.holder()), check);
    }

    public Optional<ThresholdKey> key(final long epoch) {
        return read(k(KEY, n(epoch)), ThresholdKey.class);
    }

    /** Stores a completed key and makes it the one new rounds use. */
    public void put(final ThresholdKey key) {
        write(k(KEY, n(key.epoch())), key);
        number(k(EPOCH_CURRENT), key.epoch());
    }

    /** @return the latest opened threshold round's number, 0 before the first */
    public long latestRound() {
        return number(k(ROUND_LATEST));
    }

    public Optional<ThresholdRound> round(final long round) {
        return read(k(ROUND, n(round)), ThresholdRound.class);
    }

    /** Stores a newly opened round and makes it the latest. */
    public void open(final ThresholdRound round) {
        write(k(ROUND, n(round.round())), round);
        number(k(ROUND_LATEST), round.round());
    }

    public List<Partial> partials(final long round) {
        return range(new CompositeKey(PARTIAL, n(round)), Partial.class);
    }

    public Optional<Partial> partial(final long round, final String msp) {
        return read(k(PARTIAL, n(round), msp), Partial.class);
    }

    public void put(final Partial partial) {
        write(k(PARTIAL, n(partial.round()), partial.msp()), partial);
    }

    public Optional<ThresholdResult> result(final long round) {
        return read(k(RESULT, n(round)), ThresholdResult.class);
    }

    public void put(final ThresholdResult result) {
        write(k(RESULT, n(result.round())), result);
    }
}
