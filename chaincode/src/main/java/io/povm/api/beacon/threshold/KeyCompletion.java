// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import io.povm.api.PovmException;
import io.povm.api.beacon.Feldman;
import io.povm.api.beacon.P256;
import io.povm.api.beacon.RoundMember;
import io.povm.api.beacon.ShareCipher;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The end of a key generation. Qualified: the dealers that dealt and have no holding complaint against them (checks
 * are verified as they land, so every stored complaint holds). With A_k = Σ_{j qualified} C_jk, the shared key is X =
 * A_0 and member i's public share X_i = Σ_k A_k·i^k = (Σ_j f_j(i))·G; member i's secret share is x_i = Σ_j f_j(i),
 * which it alone can open from the deals with its beacon key.
 */
public final class KeyCompletion {
    private KeyCompletion() {}

    /** @return each disqualified dealer, in index order, with the reason */
    public static Map<String, String> disqualified(final KeyGeneration generation) {
        final Map<String, String> out = new LinkedHashMap<>();
        for (final RoundMember member : generation.members()) {
            final List<String> complainants = generation.checks().values().stream()
                    .filter(c ->
                            c.complaints().stream().anyMatch(x -> x.dealer().equals(member.msp())))
                    .map(KeyCheck::holder)
                    .sorted()
                    .toList();
            if (!generation.deals().containsKey(member.msp())) {
                out.put(member.msp(), "did not deal");
            } else if (!complainants.isEmpty()) {
                out.put(
                        member.msp(),
                        "a share failed its commitments (complaint by " + String.join(", ", complainants) + ")");
            }
        }
        return out;
    }

    /** @return the qualified dealers in index order */
    public static List<String> qualified(final KeyGeneration generation) {
        final Map<String, String> disqualified = disqualified(generation);
        return generation.members().stream()
                .map(RoundMember::msp)
                .filter(msp -> !disqualified.containsKey(msp))
                .toList();
    }

    /**
     * @return the shared key and every public share
     * @throws PovmException INVALID_STATE {@code [qualified]} when fewer than t dealers qualify
     */
    static ThresholdKey complete(final KeyGeneration generation) {
        final List<String> qualified = qualified(generation);
        final int t = generation.threshold();
        if (qualified.size() < t) {
            throw KeyGeneration.state(
                    "qualified",
                    "key generation " + generation.epoch() + " cannot complete: " + qualified.size()
                            + " qualified dealers " + qualified + ", needs t = " + t + "; disqualified: "
                            + disqualified(generation));
        }
        final List<ECPoint> aggregate = new ArrayList<>();
        for (int k = 0; k < t; k++) {
            ECPoint sum = P256.CURVE.getInfinity();
            for (final String dealer : qualified) {
                final String hex = generation.deals().get(dealer).commitments().get(k);
                sum = "00".equals(hex) ? sum : sum.add(P256.point("commitments[" + k + "]", hex));
            }
            aggregate.add(sum.normalize());
        }
        final List<ThresholdKey.PublicShare> shares = new ArrayList<>();
        for (final RoundMember member : generation.members()) {
            ECPoint sum = P256.CURVE.getInfinity();
            BigInteger power = BigInteger.ONE;
            for (final ECPoint a : aggregate) {
                sum = sum.add(a.multiply(power));
                power = power.multiply(BigInteger.valueOf(member.index())).mod(P256.N);
            }
            shares.add(new ThresholdKey.PublicShare(member.msp(), member.index(), P256.hex(sum.normalize())));
        }
        return new ThresholdKey(
                generation.epoch(), t, generation.members(), qualified, P256.hex(aggregate.get(0)), shares);
    }

    /**
     * Lists every difference between a stored key and the one the pieces give (replayed with {@link
     * KeyGeneration#replay}); empty when the stored key verifies.
     */
    public static List<String> differences(final KeyGeneration generation, final ThresholdKey stored) {
        final List<String> out = new ArrayList<>();
        final ThresholdKey again;
        try {
            again = complete(generation);
        } catch (PovmException e) {
            out.add("cannot recompute: " + e.getMessage());
            return out;
        }
        if (!again.equals(stored)) {
            out.add("stored " + stored + ", recomputed " + again);
        }
        return out;
    }

    /**
     * Member {@code msp}'s secret share x_i = Σ_{j qualified} f_j(i), opened from the deals with its beacon key.
     *
     * @throws PovmException INVALID_STATE {@code [deals[DEALER]]} when a qualified dealer's share to it fails (it
     *     should have complained); INVALID_ARGUMENT {@code [beaconPrivate]} when it is not the member's beacon key
     */
    public static BigInteger secretShare(
            final KeyGeneration generation, final String msp, final BigInteger beaconPrivate) {
        final ThresholdKey key = complete(generation);
        final RoundMember member =
                generation.member(msp).orElseThrow(() -> PovmException.invalid("msp", msp + " is not a member"));
        if (!ShareCipher.publicKey(beaconPrivate).equals(member.publicKey())) {
            throw PovmException.invalid("beaconPrivate", "is not the private key of " + msp + "'s beacon key");
        }
        BigInteger x = BigInteger.ZERO;
        for (final String dealer : key.qualified()) {
            final KeyDeal deal = generation.deals().get(dealer);
            final BigInteger share =
                    ShareCipher.open(deal.shareFor(msp).orElseThrow().sealed(), beaconPrivate);
            if (!Feldman.verify(share, member.index(), deal.commitments())) {
                throw KeyGeneration.state(
                        "deals[" + dealer + "]",
                        "the share " + dealer + " dealt to " + msp + " fails its commitments and " + msp
                                + " did not complain; its partials cannot match X_" + member.index());
            }
            x = x.add(share).mod(P256.N);
        }
        final String expected = key.share(msp).orElseThrow().point();
        if (!P256.hex(P256.times(P256.G, x)).equals(expected)) {
            throw PovmException.internal("the opened shares of " + msp + " do not give its public share X_i");
        }
        return x;
    }
}
