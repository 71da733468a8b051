// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import io.povm.api.PovmException;
import io.povm.api.beacon.Dleq;
import io.povm.api.beacon.Feldman;
import io.povm.api.beacon.Hex;
import io.povm.api.beacon.P256;
import io.povm.api.beacon.RoundCheck;
import io.povm.api.beacon.RoundCommit;
import io.povm.api.beacon.RoundMember;
import io.povm.api.beacon.ShareCipher;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Complaints in a key generation, as in today's rounds' {@code CheckShares}: a holder opens each share dealt to it
 * and, for one that fails its dealer's Feldman commitments, discloses S = x·R with a DLEQ proof against its beacon key.
 * Anyone then opens the share with S and sees it fail; a complaint whose proof fails or whose share is good is refused.
 */
public final class KeyComplaints {
    private KeyComplaints() {}

    /** Builds {@code holder}'s check: opens every share dealt to it, complains about each that fails. */
    public static KeyCheck check(
            final KeyGeneration generation,
            final String holder,
            final BigInteger beaconPrivate,
            final SecureRandom random) {
        final RoundMember member = generation
                .member(holder)
                .orElseThrow(() -> PovmException.invalid("holder", holder + " is not a member"));
        final List<RoundCheck.Complaint> complaints = new ArrayList<>();
        for (final KeyDeal deal : generation.deals().values()) {
            final RoundCommit.SealedShare sealed = deal.shareFor(holder).orElseThrow();
            final BigInteger share = ShareCipher.open(sealed.sealed(), beaconPrivate);
            if (!deal.dealer().equals(holder) && !Feldman.verify(share, member.index(), deal.commitments())) {
                final String disclosed =
                        P256.hex(P256.times(P256.point("ephemeral", sealed.ephemeral()), beaconPrivate));
                final Dleq.Proof proof = Dleq.prove(
                        context(generation, deal.dealer(), holder), beaconPrivate, sealed.ephemeral(), random);
                complaints.add(new RoundCheck.Complaint(
                        deal.dealer(), disclosed, Hex.of(proof.challenge()), Hex.of(proof.response())));
            }
        }
        return new KeyCheck(generation.epoch(), holder, complaints);
    }

    /**
     * @throws PovmException INVALID_ARGUMENT {@code [complaints[DEALER]]} unless the complaint holds: the dealer dealt,
     *     is not the holder, the proof shows the disclosed point is x·R for the holder's beacon key, and the share it
     *     opens fails the dealer's commitments
     */
    static void verify(final KeyGeneration generation, final String holder, final RoundCheck.Complaint complaint) {
        final String dealer =
                PovmException.requirePresent(complaint.dealer(), "complaints", "the dealer complained about");
        final String field = "complaints[" + dealer + "]";
        final KeyDeal deal = generation.deals().get(dealer);
        if (deal == null) {
            throw PovmException.invalid(field, dealer + " has not dealt; there is no share to complain about");
        }
        if (dealer.equals(holder)) {
            throw PovmException.invalid(field, "a dealer cannot complain about the share it dealt to itself");
        }
        final RoundMember member = generation.member(holder).orElseThrow();
        final RoundCommit.SealedShare sealed = deal.shareFor(holder).orElseThrow();
        final boolean proven;
        try {
            proven = Dleq.verify(
                    context(generation, dealer, holder),
                    sealed.ephemeral(),
                    member.publicKey(),
                    complaint.disclosed(),
                    complaint.proof());
        } catch (PovmException e) {
            throw PovmException.invalid(field, "malformed complaint: " + e.getMessage());
        }
        if (!proven) {
            throw PovmException.invalid(
                    field,
                    "the DLEQ proof does not show that the disclosed point is x·R for " + holder + "'s beacon key");
        }
        final BigInteger share = ShareCipher.open(sealed.sealed(), complaint.disclosed());
        if (Feldman.verify(share, member.index(), deal.commitments())) {
            throw PovmException.invalid(
                    field,
                    "the share " + dealer + " dealt to " + holder + " matches its commitments: a false complaint is"
                            + " refused");
        }
    }

    private static byte[] context(final KeyGeneration generation, final String dealer, final String holder) {
        return generation.domain().context(KeyCheck.PURPOSE, generation.epoch(), dealer, holder);
    }
}
