// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.PovmException;
import io.povm.api.beacon.Feldman;
import io.povm.api.beacon.RoundCommit;
import io.povm.api.beacon.RoundMember;
import io.povm.api.beacon.ShareCipher;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A dealer's contribution to a key generation: the Feldman commitments C_k = a_k·G of its polynomial f_j of degree t-1
 * and f_j(i) for every member i, itself included, encrypted to i's beacon key ({@link ShareCipher}). Sealing a share
 * to the dealer itself costs one ciphertext and lets every member, the dealer too, rebuild its x_i from the ledger and
 * its beacon key alone, with no polynomial kept on disk. To be stored under its own key per epoch and dealer.
 *
 * <pre>{@code
 * {"epoch":1,"dealer":"Org1MSP","commitments":["03..","02.."],
 *  "shares":[{"holder":"Org1MSP","ephemeral":"02..","ciphertext":"5f.."},...]}
 * }</pre>
 *
 * @param epoch the key generation
 * @param dealer the dealing member
 * @param commitments C_0..C_{t-1}, compressed SEC1 hex
 * @param shares one sealed share per member, in index order
 */
@JsonPropertyOrder({"epoch", "dealer", "commitments", "shares"})
public record KeyDeal(
        @JsonProperty("epoch") long epoch,
        @JsonProperty("dealer") String dealer,
        @JsonProperty("commitments") List<String> commitments,
        @JsonProperty("shares") List<RoundCommit.SealedShare> shares) {

    private static final Pattern CIPHERTEXT = Pattern.compile("[0-9a-f]{64}");

    public KeyDeal {
        commitments = List.copyOf(PovmException.requirePresent(commitments, "commitments", "C_0..C_{t-1}"));
        shares = List.copyOf(PovmException.requirePresent(shares, "shares", "one sealed share per member"));
    }

    /** Deals {@code polynomial} (degree t-1) to {@code members}, sealing each share with a fresh ephemeral key. */
    public static KeyDeal create(
            final long epoch,
            final String dealer,
            final List<RoundMember> members,
            final Feldman polynomial,
            final SecureRandom random) {
        final List<RoundCommit.SealedShare> shares = members.stream()
                .map(m -> {
                    final ShareCipher.Sealed sealed =
                            ShareCipher.seal(polynomial.share(m.index()), m.publicKey(), random);
                    return new RoundCommit.SealedShare(m.msp(), sealed.ephemeral(), sealed.ciphertext());
                })
                .toList();
        return new KeyDeal(epoch, dealer, polynomial.commitments(), shares);
    }

    /** @return the share sealed for {@code holder} */
    public Optional<RoundCommit.SealedShare> shareFor(final String holder) {
        return shares.stream().filter(s -> s.holder().equals(holder)).findFirst();
    }

    /**
     * @throws PovmException INVALID_ARGUMENT naming the field unless the deal has t commitments (valid points; C_0 not
     *     the point at infinity) and one well-formed sealed share per member, in index order
     */
    void requireShape(final int threshold, final List<String> members) {
        if (commitments.size() != threshold) {
            throw PovmException.invalid(
                    "commitments",
                    "need t = " + threshold + " (a polynomial of degree t-1), got " + commitments.size());
        }
        Feldman.checkPoint("commitments[0]", commitments.get(0));
        for (int k = 1; k < commitments.size(); k++) {
            if (!"00".equals(commitments.get(k))) {
                Feldman.checkPoint("commitments[" + k + "]", commitments.get(k));
            }
        }
        final List<String> holders =
                shares.stream().map(RoundCommit.SealedShare::holder).toList();
        if (!holders.equals(members)) {
            throw PovmException.invalid(
                    "shares", "need one sealed share per member in index order " + members + ", got " + holders);
        }
        for (final RoundCommit.SealedShare share : shares) {
            Feldman.checkPoint("shares[" + share.holder() + "].ephemeral", share.ephemeral());
            if (share.ciphertext() == null
                    || !CIPHERTEXT.matcher(share.ciphertext()).matches()) {
                throw PovmException.invalid(
                        "shares[" + share.holder() + "].ciphertext", "must be 64 lower-case hex digits");
            }
        }
    }
}
