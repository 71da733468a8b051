// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.Members;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Quote;
import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.BeaconKey;
import io.povm.api.beacon.SeedDerivation;
import io.povm.api.beacon.threshold.BeaconDomain;
import io.povm.api.beacon.threshold.EpochView;
import io.povm.api.beacon.threshold.KeyCheck;
import io.povm.api.beacon.threshold.KeyDeal;
import io.povm.api.beacon.threshold.KeyEpoch;
import io.povm.api.beacon.threshold.KeyGeneration;
import io.povm.api.beacon.threshold.ThresholdKey;
import io.povm.api.beacon.threshold.ThresholdTransactions;
import io.povm.chaincode.AccessPolicy;
import io.povm.chaincode.Caller;
import io.povm.chaincode.TxTime;
import io.povm.chaincode.clock.ClockLedger;
import io.povm.chaincode.clock.LedgerTime;
import io.povm.chaincode.clock.MultipartyClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The threshold beacon's key generations (epochs) for one caller: open one for the current members, deal, check
 * (complain), complete; the cryptography is {@link KeyGeneration}'s. Every check happens before any write; a refused
 * call writes nothing. Each transaction reads only what it needs, so that orgs acting in the same phase do not
 * conflict: a deal reads its own key and the checks, a check its own key and the deals. The dealing ends for
 * latecomers when every member dealt or, on the multiparty clock, {@code dealBy} passed for those that did not; the
 * first check then ends it for good. The key completes when every member checked or {@code checkBy} passed likewise.
 */
public final class KeyEpochs {
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,11}");

    private final ChaincodeStub stub;
    private final Caller caller;
    private final AccessPolicy access;
    private final Instant now;
    private final ThresholdLedger ledger;
    private MultipartyClock cachedClock;

    public KeyEpochs(final ChaincodeStub stub, final Caller caller) {
        this.stub = Objects.requireNonNull(stub, "stub");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.access = new AccessPolicy(stub, caller);
        this.now = LedgerTime.now(stub);
        this.ledger = new ThresholdLedger(stub);
    }

    /** @return the domain every threshold hash of this channel binds: the channel and the seed's chaincode name */
    static BeaconDomain domain(final ChaincodeStub stub) {
        return new BeaconDomain(stub.getChannelId(), BeaconRounds.CHAINCODE);
    }

    /** @return this channel's domain, built only once a transaction is past its access checks */
    private BeaconDomain domain() {
        return domain(stub);
    }

    /** @throws PovmException INVALID_ARGUMENT [epoch] unless a decimal epoch number from 1 */
    public static long epoch(final String text) {
        if (text == null || !NUMBER.matcher(text).matches()) {
            throw PovmException.invalid(
                    "epoch", Quote.prefix(text) + " must be a key generation number from 1 (decimal, no sign)");
        }
        return Long.parseLong(text);
    }

    /**
     * Opens the next key generation: freezes the members in MSP id order with their beacon keys, t and the deadlines
     * of dealing and checking. Any identity of a member org.
     *
     * @throws PovmException INVALID_STATE when a member has no beacon key, the latest key generation is still running
     *     (it is never abandoned unless it stalled), or its key is current for the same members and beacon keys
     */
    public KeyEpoch open() {
        final Members members = access.requireMember(ThresholdTransactions.OPEN_EPOCH);
        final long latest = ledger.latestEpoch();
        final long epoch = latest + 1;
        final KeyGeneration generation = KeyGeneration.open(domain(), epoch, beaconKeys(members));
        if (latest > 0) {
            final EpochView previous = view(latest);
            final boolean sameMembers = previous.epoch().members().equals(generation.members());
            if (EpochPhase.COMPLETE.name().equals(previous.phase()) && sameMembers) {
                throw BeaconRounds.invalidState(
                        "epoch",
                        "key generation " + latest + " is current for these members and beacon keys; a new one opens"
                                + " when an org joins or rotates its beacon key");
            }
            if (!EpochPhase.COMPLETE.name().equals(previous.phase())
                    && !EpochPhase.STALLED.name().equals(previous.phase())) {
                throw BeaconRounds.invalidState(
                        "epoch", "key generation " + latest + " is not over: " + previous.note());
            }
        }
        final BeaconConfig config = new BeaconLedger(stub).config();
        final Instant base = RoundPhase.deadlineBase(now, caller.msp(), clock());
        final KeyEpoch opened = new KeyEpoch(
                epoch,
                generation.threshold(),
                generation.members(),
                TxTime.iso(now),
                caller.msp(),
                stub.getTxId(),
                TxTime.iso(base.plusSeconds(config.phaseSeconds())),
                TxTime.iso(base.plusSeconds(2L * config.phaseSeconds())));
        ledger.open(opened);
        return opened;
    }

    private List<BeaconKey> beaconKeys(final Members members) {
        final BeaconLedger beacon = new BeaconLedger(stub);
        final List<BeaconKey> keys = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        for (final String msp :
                members.msps().stream().sorted(SeedDerivation::compareUtf8).toList()) {
            beacon.key(msp).ifPresentOrElse(keys::add, () -> missing.add(msp));
        }
        if (!missing.isEmpty()) {
            throw BeaconRounds.invalidState(
                    "members",
                    "no beacon key registered for " + String.join(", ", missing)
                            + "; each member org's admin registers one with beacon:RegisterKey");
        }
        return keys;
    }

    /**
     * The caller's org's deal: as itself, t commitments with a C_0 never dealt before, one sealed share per member in
     * index order, while the dealing is open. A deal is final.
     */
    public KeyDeal deal(final long number, final String dealJson) {
        access.requireOperator(ThresholdTransactions.DEAL_KEY);
        final KeyEpoch epoch = running(number, "a dealer");
        final KeyDeal deal = PovmJson.read(dealJson, KeyDeal.class);
        if (!caller.msp().equals(deal.dealer())) {
            throw PovmException.forbidden(
                    "deal.dealer",
                    "is " + Quote.prefix(deal.dealer()) + "; an org deals only as itself (" + caller.msp() + ")");
        }
        epoch.generation(domain()).deal(deal);
        ledger.epochOfC0(deal.commitments().get(0)).ifPresent(used -> {
            throw PovmException.invalid(
                    "deal.commitments[0]",
                    "was dealt in key generation " + used + " already: a replayed deal is refused");
        });
        if (ledger.deal(number, caller.msp()).isPresent()) {
            throw BeaconRounds.invalidState(
                    "epoch", caller.msp() + " dealt in key generation " + number + " already; a deal is final");
        }
        if (!ledger.checks(number).isEmpty()) {
            throw BeaconRounds.invalidState(
                    "epoch",
                    "the dealing of key generation " + number + " is over: checks have begun (the deadline was "
                            + epoch.dealBy() + ")");
        }
        ledger.put(deal);
        return deal;
    }

    /**
     * The caller's org's check of the shares dealt to it, once the dealing closed: every complaint must hold (its DLEQ
     * proof and a share that fails its dealer's commitments); a false complaint refuses the whole check. Final.
     */
    public KeyCheck check(final long number, final String checkJson) {
        access.requireOperator(ThresholdTransactions.CHECK_KEY);
        final KeyEpoch epoch = running(number, "a holder");
        final KeyCheck check = PovmJson.read(checkJson, KeyCheck.class);
        if (!caller.msp().equals(check.holder())) {
            throw PovmException.forbidden(
                    "check.holder",
                    "is " + Quote.prefix(check.holder()) + "; an org checks only its own shares (" + caller.msp()
                            + ")");
        }
        if (ledger.check(number, caller.msp()).isPresent()) {
            throw BeaconRounds.invalidState(
                    "epoch", caller.msp() + " checked its shares of key generation " + number + " already");
        }
        final List<KeyDeal> deals = afterDealing(epoch, ThresholdTransactions.CHECK_KEY);
        KeyGeneration.replay(domain(), number, epoch.beaconKeys(), deals, List.of())
                .check(check);
        ledger.put(check);
        return check;
    }

    /** Completes a key generation whose checks are in (or past {@code checkBy}): stores X and every X_i. */
    public ThresholdKey complete(final long number) {
        access.requireMember(ThresholdTransactions.COMPLETE_KEY);
        final KeyEpoch epoch = ledger.epoch(number).orElseThrow(() -> notOpened(number));
        if (ledger.key(number).isPresent()) {
            throw BeaconRounds.invalidState("epoch", "key generation " + number + " is complete already");
        }
        final List<KeyDeal> deals = afterDealing(epoch, ThresholdTransactions.COMPLETE_KEY);
        final List<KeyCheck> checks = ledger.checks(number);
        final List<String> laggards = epoch.msps().stream()
                .filter(msp -> checks.stream().noneMatch(c -> c.holder().equals(msp)))
                .toList();
        if (!laggards.isEmpty() && !RoundPhase.closed(laggards, epoch.checkBy(), clock())) {
            throw BeaconRounds.invalidState(
                    "epoch",
                    "key generation " + number + " waits for checks from " + String.join(", ", laggards) + " until "
                            + epoch.checkBy() + " on the multiparty clock");
        }
        final ThresholdKey key = KeyGeneration.replay(domain(), number, epoch.beaconKeys(), deals, checks)
                .complete();
        ledger.put(key);
        return key;
    }

    /** @return everything stored about the key generation, with its phase on the clock now */
    public EpochView view(final long number) {
        final KeyEpoch epoch = ledger.epoch(number).orElseThrow(() -> notOpened(number));
        final EpochView pieces = new EpochView(
                epoch,
                null,
                null,
                ledger.deals(number),
                ledger.checks(number),
                ledger.key(number).orElse(null));
        final EpochPhase.Status status = EpochPhase.of(pieces, domain(), clock());
        return new EpochView(
                epoch, status.phase().name(), status.note(), pieces.deals(), pieces.checks(), pieces.key());
    }

    /** @return the stored key of a completed key generation */
    public ThresholdKey key(final long number) {
        return ledger.key(number).orElseThrow(() -> {
            final Optional<KeyEpoch> epoch = ledger.epoch(number);
            return epoch.isEmpty()
                    ? notOpened(number)
                    : PovmException.notFound(
                            "epoch",
                            "key generation " + number + " is not complete: "
                                    + view(number).note());
        });
    }

    /** The deals, after requiring the dealing closed: every member dealt or {@code dealBy} passed for the others. */
    private List<KeyDeal> afterDealing(final KeyEpoch epoch, final String transaction) {
        final List<KeyDeal> deals = ledger.deals(epoch.epoch());
        final List<String> laggards = epoch.msps().stream()
                .filter(msp -> deals.stream().noneMatch(d -> d.dealer().equals(msp)))
                .toList();
        if (!laggards.isEmpty() && !RoundPhase.closed(laggards, epoch.dealBy(), clock())) {
            throw BeaconRounds.invalidState(
                    "epoch",
                    transaction + " waits for the dealing of key generation " + epoch.epoch() + " to close: no deal"
                            + " yet from " + String.join(", ", laggards) + ", deadline " + epoch.dealBy());
        }
        return deals;
    }

    /** @return the epoch, after checking that the caller's org is one of its members and that it is not complete */
    private KeyEpoch running(final long number, final String role) {
        final KeyEpoch epoch = ledger.epoch(number).orElseThrow(() -> notOpened(number));
        if (!epoch.msps().contains(caller.msp())) {
            throw PovmException.forbidden(
                    "caller",
                    caller.msp() + " is not a member of key generation " + number + " (members: "
                            + String.join(", ", epoch.msps()) + "); only its members may act as " + role);
        }
        if (ledger.key(number).isPresent()) {
            throw BeaconRounds.invalidState("epoch", "key generation " + number + " is complete");
        }
        return epoch;
    }

    private static PovmException notOpened(final long number) {
        return PovmException.notFound("epoch", "key generation " + number + " has not been opened");
    }

    /** @return the multiparty clock, read once per transaction and only when a deadline matters */
    private MultipartyClock clock() {
        if (cachedClock == null) {
            cachedClock = new ClockLedger(stub).read(access.members());
        }
        return cachedClock;
    }
}
