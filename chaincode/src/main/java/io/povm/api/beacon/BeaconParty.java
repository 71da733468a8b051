// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * What one org computes to take part in a round, off the ledger: deal (commitments and sealed shares), check the
 * shares dealt to it (complaining with a DLEQ proof about bad ones), and open its share of a dealer that withheld.
 * The org's daemon uses it, and so do tests that play an org.
 */
public final class BeaconParty {
    private BeaconParty() {}

    /** The dealer's commit of round {@code header}, with {@code polynomial}'s shares sealed to the other members. */
    public static RoundCommit deal(
            final RoundHeader header, final String dealer, final Feldman polynomial, final SecureRandom random) {
        if (polynomial.threshold() != header.threshold()) {
            throw PovmException.invalid(
                    "polynomial",
                    "has " + polynomial.threshold() + " coefficients; round " + header.round() + " needs "
                            + header.threshold());
        }
        final List<RoundCommit.SealedShare> shares = new ArrayList<>();
        for (final RoundMember member : header.members()) {
            if (!member.msp().equals(dealer)) {
                final ShareCipher.Sealed sealed =
                        ShareCipher.seal(polynomial.share(member.index()), member.publicKey(), random);
                shares.add(new RoundCommit.SealedShare(member.msp(), sealed.ephemeral(), sealed.ciphertext()));
            }
        }
        return new RoundCommit(header.round(), dealer, polynomial.commitments(), shares, null, null);
    }

    /** @return the share {@code dealer} sealed to {@code holder}, opened with the holder's beacon private key */
    public static BigInteger openShare(
            final RoundView view, final String dealer, final String holder, final BigInteger holderKey) {
        final RoundCommit commit = view.commit(dealer)
                .orElseThrow(
                        () -> PovmException.notFound("dealer", dealer + " has no commit in round " + view.round()));
        final RoundCommit.SealedShare sealed = commit.shareFor(holder)
                .orElseThrow(() -> PovmException.notFound("holder", dealer + " dealt no share to " + holder));
        return ShareCipher.open(sealed.sealed(), holderKey);
    }

    /**
     * Checks every share dealt to {@code holder}; a share that fails its dealer's commitments gets a complaint that
     * discloses S = x·R with a DLEQ proof bound to the channel, round, dealer and holder.
     */
    public static RoundCheck check(
            final String channel,
            final RoundView view,
            final String holder,
            final BigInteger holderKey,
            final SecureRandom random) {
        final RoundMember me = view.header()
                .member(holder)
                .orElseThrow(
                        () -> PovmException.forbidden("holder", holder + " is not a member of round " + view.round()));
        final List<RoundCheck.Complaint> complaints = new ArrayList<>();
        for (final RoundCommit commit : view.commits()) {
            if (commit.dealer().equals(holder) || commit.shareFor(holder).isEmpty()) {
                continue;
            }
            final RoundCommit.SealedShare sealed = commit.shareFor(holder).get();
            final BigInteger share = ShareCipher.open(sealed.sealed(), holderKey);
            if (!Feldman.verify(share, me.index(), commit.commitments())) {
                final String disclosed = P256.hex(P256.times(P256.point("ephemeral", sealed.ephemeral()), holderKey));
                final Dleq.Proof proof = Dleq.prove(
                        RoundCheck.context(channel, view.round(), commit.dealer(), holder),
                        holderKey,
                        sealed.ephemeral(),
                        random);
                complaints.add(new RoundCheck.Complaint(
                        commit.dealer(), disclosed, Hex.of(proof.challenge()), Hex.of(proof.response())));
            }
        }
        return new RoundCheck(view.round(), holder, complaints, null);
    }
}
