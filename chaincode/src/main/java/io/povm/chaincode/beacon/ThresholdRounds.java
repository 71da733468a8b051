// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Quote;
import io.povm.api.beacon.SeedDerivation;
import io.povm.api.beacon.threshold.BeaconDomain;
import io.povm.api.beacon.threshold.Partial;
import io.povm.api.beacon.threshold.Partials;
import io.povm.api.beacon.threshold.ThresholdKey;
import io.povm.api.beacon.threshold.ThresholdOutcome;
import io.povm.api.beacon.threshold.ThresholdResult;
import io.povm.api.beacon.threshold.ThresholdRound;
import io.povm.api.beacon.threshold.ThresholdRoundView;
import io.povm.api.beacon.threshold.ThresholdTransactions;
import io.povm.chaincode.AccessPolicy;
import io.povm.chaincode.Caller;
import io.povm.chaincode.clock.LedgerTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The threshold beacon's rounds for one caller: open a round on the current key, post partials (each verified as it
 * lands), and the round closes in the transaction that brings its t-th valid partial, storing the {@link
 * ThresholdResult} that {@link ThresholdOutcome#compute} gives; {@link #verify} recomputes it with
 * {@link ThresholdOutcome#differences}, the code {@code povm beacon verify} runs offline. A round that has fewer than t
 * partials waits: it is never re-drawn, and no next round opens until it closed.
 *
 * <p>No strikes yet: an org absent when a round closes is listed in the result's {@code absent}, and nothing more.
 */
public final class ThresholdRounds {
    /** The phase of a round with fewer than t valid partials. */
    public static final String OPEN = "OPEN";
    /** The phase of a round with its result. */
    public static final String CLOSED = "CLOSED";

    private final ChaincodeStub stub;
    private final Caller caller;
    private final AccessPolicy access;
    private final ThresholdLedger ledger;

    public ThresholdRounds(final ChaincodeStub stub, final Caller caller) {
        this.stub = Objects.requireNonNull(stub, "stub");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.access = new AccessPolicy(stub, caller);
        this.ledger = new ThresholdLedger(stub);
    }

    private BeaconDomain domain() {
        return KeyEpochs.domain(stub);
    }

    /**
     * Opens the next round on the current key. Any identity of a member org.
     *
     * @throws PovmException INVALID_STATE when there is no key yet or the latest round has not closed
     */
    public ThresholdRound open() {
        access.requireMember(ThresholdTransactions.OPEN_ROUND);
        final long epoch = ledger.currentEpoch();
        if (epoch == 0) {
            throw BeaconRounds.invalidState(
                    "epoch",
                    "there is no threshold key yet: open a key generation with " + ThresholdTransactions.OPEN_EPOCH
                            + " and complete it");
        }
        final long latest = ledger.latestRound();
        if (latest > 0 && ledger.result(latest).isEmpty()) {
            throw BeaconRounds.invalidState(
                    "round",
                    "round " + latest + " is not closed yet (" + view(latest).note() + "); a round is never re-drawn");
        }
        final ThresholdKey key = ledger.key(epoch).orElseThrow();
        final ThresholdRound round = new ThresholdRound(
                latest + 1, epoch, key.threshold(), LedgerTime.iso(stub), caller.msp(), stub.getTxId());
        ledger.open(round);
        return round;
    }

    /**
     * The caller's org's partial for round r: refused naming the org unless its DLEQ proof holds against the org's
     * public share; final once stored. The t-th valid partial closes the round in the same transaction.
     *
     * @return the round as it stands after this partial
     */
    public ThresholdRoundView post(final long number, final String partialJson) {
        access.requireOperator(ThresholdTransactions.POST_PARTIAL);
        final ThresholdRound round = ledger.round(number).orElseThrow(() -> notOpened(number));
        final ThresholdKey key = ledger.key(round.epoch()).orElseThrow();
        if (key.share(caller.msp()).isEmpty()) {
            throw PovmException.forbidden(
                    "caller",
                    caller.msp() + " has no share of key generation " + round.epoch() + ", whose key round " + number
                            + " uses; only its members post partials");
        }
        final Partial partial = PovmJson.read(partialJson, Partial.class);
        if (!caller.msp().equals(partial.msp())) {
            throw PovmException.forbidden(
                    "partial.msp",
                    "is " + Quote.prefix(partial.msp()) + "; an org posts only its own partial (" + caller.msp() + ")");
        }
        if (ledger.partial(number, caller.msp()).isPresent()) {
            throw BeaconRounds.invalidState(
                    "round", caller.msp() + " posted its partial of round " + number + " already; a partial is final");
        }
        if (ledger.result(number).isPresent()) {
            throw BeaconRounds.invalidState("round", "round " + number + " is closed");
        }
        Partials.verify(key, domain(), number, partial);
        final List<Partial> partials = new ArrayList<>(ledger.partials(number));
        partials.add(partial);
        // in key order, as a range read returns them once this transaction is committed
        partials.sort((a, b) -> SeedDerivation.compareUtf8(a.msp(), b.msp()));
        ledger.put(partial);
        ThresholdResult result = null;
        if (partials.size() >= key.threshold()) {
            result = ThresholdOutcome.compute(key, domain(), number, partials);
            ledger.put(result);
        }
        return view(round, key, partials, result);
    }

    /** @return everything stored about the round */
    public ThresholdRoundView view(final long number) {
        final ThresholdRound round = ledger.round(number).orElseThrow(() -> notOpened(number));
        return view(
                round,
                ledger.key(round.epoch()).orElseThrow(),
                ledger.partials(number),
                ledger.result(number).orElse(null));
    }

    private static ThresholdRoundView view(
            final ThresholdRound round,
            final ThresholdKey key,
            final List<Partial> partials,
            final ThresholdResult result) {
        final List<String> posted = partials.stream().map(Partial::msp).sorted().toList();
        if (result != null) {
            return new ThresholdRoundView(
                    round,
                    CLOSED,
                    "closed with the partials of " + String.join(", ", result.contributors()),
                    partials,
                    result);
        }
        return new ThresholdRoundView(
                round,
                OPEN,
                "round " + round.round() + " has " + posted.size() + " valid partials " + posted + ", needs "
                        + key.threshold() + " of " + key.members().size() + "; it waits for more (no re-roll)",
                partials,
                null);
    }

    /** @return {@code {"differences":[...],"round":n,"verified":true|false}}: the round recomputed from the ledger */
    public Map<String, Object> verify(final long number) {
        final ThresholdRoundView view = view(number);
        final ThresholdKey key = ledger.key(view.round().epoch()).orElseThrow();
        final List<String> differences =
                ThresholdOutcome.differences(key, domain(), number, view.partials(), view.result());
        final Map<String, Object> report = new TreeMap<>();
        report.put("round", number);
        report.put("verified", differences.isEmpty());
        report.put("differences", differences);
        return report;
    }

    /** @return the latest key generation opened, the epoch whose key rounds use, and the latest round (0: none) */
    public Map<String, Object> latest() {
        final Map<String, Object> out = new TreeMap<>();
        out.put("epoch", ledger.currentEpoch());
        out.put("keyGeneration", ledger.latestEpoch());
        out.put("round", ledger.latestRound());
        return out;
    }

    private static PovmException notOpened(final long number) {
        return PovmException.notFound("round", "threshold round " + number + " has not been opened");
    }
}
