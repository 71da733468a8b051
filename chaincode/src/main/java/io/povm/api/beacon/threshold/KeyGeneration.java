// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.beacon.BeaconKey;
import io.povm.api.beacon.RoundCheck;
import io.povm.api.beacon.RoundMember;
import io.povm.api.beacon.SeedDerivation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A joint-Feldman distributed key generation among the n members, threshold t = floor(n/2) + 1, as an immutable
 * value: each step returns a new state or refuses with a {@link PovmException}, so the chaincode can keep every piece
 * under its own key and rebuild the state by replaying them.
 *
 * <ol>
 *   <li>{@link #open}: members in MSP id order (index = position, from 1) with their beacon keys; t.
 *   <li>{@link #deal}: each member deals once ({@link KeyDeal}), until the first check.
 *   <li>{@link #check}: each member checks the shares dealt to it once ({@link KeyCheck}); every complaint must hold
 *       ({@link KeyComplaints}), a false one is refused. The first check ends the dealing.
 *   <li>{@link #complete}: a dealer that did not deal or has a holding complaint against it is disqualified; the rest
 *       (at least t) make x = Σ f_j(0). See {@link KeyCompletion}.
 * </ol>
 *
 * <p>When to check and complete (everyone done, or a deadline on the multiparty clock) is the chaincode's decision.
 */
public final class KeyGeneration {
    private final BeaconDomain domain;
    private final long epoch;
    private final List<RoundMember> members;
    private final Map<String, KeyDeal> deals;
    private final Map<String, KeyCheck> checks;

    private KeyGeneration(
            final BeaconDomain domain,
            final long epoch,
            final List<RoundMember> members,
            final Map<String, KeyDeal> deals,
            final Map<String, KeyCheck> checks) {
        this.domain = domain;
        this.epoch = epoch;
        this.members = List.copyOf(members);
        this.deals = Collections.unmodifiableMap(new LinkedHashMap<>(deals));
        this.checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /** Opens key generation {@code epoch} among the orgs with these beacon keys (any order, distinct MSP ids). */
    public static KeyGeneration open(final BeaconDomain domain, final long epoch, final List<BeaconKey> keys) {
        PovmException.requirePresent(domain, "domain", "the channel and chaincode");
        PovmException.requirePresent(keys, "keys", "every member's beacon key");
        if (keys.isEmpty() || keys.stream().map(BeaconKey::msp).distinct().count() != keys.size()) {
            throw PovmException.invalid("keys", "need one beacon key per member, at least one, no MSP id twice");
        }
        final List<BeaconKey> sorted = keys.stream()
                .sorted((a, b) -> SeedDerivation.compareUtf8(a.msp(), b.msp()))
                .toList();
        final List<RoundMember> members = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            members.add(
                    new RoundMember(sorted.get(i).msp(), i + 1, sorted.get(i).publicKey()));
        }
        return new KeyGeneration(domain, epoch, members, Map.of(), Map.of());
    }

    /**
     * Rebuilds a key generation from its stored pieces, re-checking each as it landed: deals first (in the given
     * order), then checks. What the chaincode and an offline verifier do before {@link #complete}.
     */
    public static KeyGeneration replay(
            final BeaconDomain domain,
            final long epoch,
            final List<BeaconKey> keys,
            final List<KeyDeal> deals,
            final List<KeyCheck> checks) {
        KeyGeneration state = open(domain, epoch, keys);
        for (final KeyDeal deal : deals) {
            state = state.deal(deal);
        }
        for (final KeyCheck check : checks) {
            state = state.check(check);
        }
        return state;
    }

    /** @return a new state with the deal, or refuses it (wrong epoch or shape, not a member, twice, too late) */
    public KeyGeneration deal(final KeyDeal deal) {
        PovmException.requirePresent(deal, "deal", "commitments and sealed shares");
        requireEpoch(deal.epoch());
        requireMember("dealer", deal.dealer());
        if (!checks.isEmpty()) {
            throw state(
                    "deal",
                    "the dealing of key generation " + epoch + " is over: " + checks.keySet()
                            + " checked their shares");
        }
        if (deals.containsKey(deal.dealer())) {
            throw PovmException.duplicate("dealer", deal.dealer() + " has dealt in key generation " + epoch);
        }
        deal.requireShape(threshold(), msps());
        final Map<String, KeyDeal> next = new LinkedHashMap<>(deals);
        next.put(deal.dealer(), deal);
        return new KeyGeneration(domain, epoch, members, next, checks);
    }

    /** @return a new state with the holder's check, or refuses it (twice, not a member, a false complaint) */
    public KeyGeneration check(final KeyCheck check) {
        PovmException.requirePresent(check, "check", "the holder and its complaints");
        requireEpoch(check.epoch());
        requireMember("holder", check.holder());
        if (checks.containsKey(check.holder())) {
            throw PovmException.duplicate("holder", check.holder() + " has checked in key generation " + epoch);
        }
        final Set<String> against = new HashSet<>();
        for (final RoundCheck.Complaint complaint : check.complaints()) {
            if (!against.add(complaint.dealer())) {
                throw PovmException.invalid(
                        "complaints[" + complaint.dealer() + "]", "one complaint per dealer; this one is twice");
            }
            KeyComplaints.verify(this, check.holder(), complaint);
        }
        final Map<String, KeyCheck> next = new LinkedHashMap<>(checks);
        next.put(check.holder(), check);
        return new KeyGeneration(domain, epoch, members, deals, next);
    }

    /** @return the key: X and every X_i from the qualified dealers; see {@link KeyCompletion#complete} */
    public ThresholdKey complete() {
        return KeyCompletion.complete(this);
    }

    /** @return member {@code msp}'s secret share x_i; see {@link KeyCompletion#secretShare} */
    public java.math.BigInteger secretShare(final String msp, final java.math.BigInteger beaconPrivate) {
        return KeyCompletion.secretShare(this, msp, beaconPrivate);
    }

    public BeaconDomain domain() {
        return domain;
    }

    public long epoch() {
        return epoch;
    }

    /** @return t = floor(n/2) + 1 */
    public int threshold() {
        return members.size() / 2 + 1;
    }

    /** @return the members in index order */
    public List<RoundMember> members() {
        return members;
    }

    /** @return member {@code msp} */
    public Optional<RoundMember> member(final String msp) {
        return members.stream().filter(m -> m.msp().equals(msp)).findFirst();
    }

    /** @return the deals so far, by dealer */
    public Map<String, KeyDeal> deals() {
        return deals;
    }

    /** @return the checks so far, by holder */
    public Map<String, KeyCheck> checks() {
        return checks;
    }

    private List<String> msps() {
        return members.stream().map(RoundMember::msp).toList();
    }

    private void requireEpoch(final long given) {
        if (given != epoch) {
            throw PovmException.invalid("epoch", "this is key generation " + epoch + ", not " + given);
        }
    }

    private void requireMember(final String field, final String msp) {
        PovmException.requirePresent(msp, field, "a member's MSP id");
        if (member(msp).isEmpty()) {
            throw PovmException.invalid(field, msp + " is not a member of key generation " + epoch + ": " + msps());
        }
    }

    static PovmException state(final String field, final String reason) {
        return new PovmException(new PovmError(ErrorCode.INVALID_STATE, field, reason));
    }
}
