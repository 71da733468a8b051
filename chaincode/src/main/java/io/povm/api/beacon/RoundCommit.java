// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import io.povm.api.PovmException;
import java.util.List;
import java.util.Optional;

/**
 * A dealer org's commit in a round, stored under {@code ("beacon-commit", round, dealer)}: the Feldman commitments
 * C_k = a_k·G of its polynomial (threshold of them; C_0 commits to its secret) and its share f(j) for every other
 * member j, encrypted to j's beacon key.
 *
 * <pre>{@code
 * {"round":4,"dealer":"Org1MSP","commitments":["03..","02.."],
 *  "shares":[{"holder":"Org2MSP","ephemeral":"02..","ciphertext":"5f.."},{"holder":"Org3MSP",...}],"at":"...","txId":"..."}
 * }</pre>
 */
@JsonRootName("commit")
@JsonPropertyOrder({"round", "dealer", "commitments", "shares", "at", "txId"})
public record RoundCommit(
        @JsonProperty("round") long round,
        @JsonProperty("dealer") String dealer,
        @JsonProperty("commitments") List<String> commitments,
        @JsonProperty("shares") List<SealedShare> shares,
        @JsonProperty("at") String at,
        @JsonProperty("txId") String txId) {

    /** One share, encrypted to its holder ({@link ShareCipher}). */
    @JsonPropertyOrder({"holder", "ephemeral", "ciphertext"})
    public record SealedShare(
            @JsonProperty("holder") String holder,
            @JsonProperty("ephemeral") String ephemeral,
            @JsonProperty("ciphertext") String ciphertext) {
        public ShareCipher.Sealed sealed() {
            return new ShareCipher.Sealed(ephemeral, ciphertext);
        }
    }

    public RoundCommit {
        commitments = List.copyOf(PovmException.requirePresent(commitments, "commitments", "Feldman commitments"));
        shares = List.copyOf(PovmException.requirePresent(shares, "shares", "one encrypted share per other member"));
    }

    /** @return the share sealed for {@code holder} */
    public Optional<SealedShare> shareFor(final String holder) {
        return shares.stream().filter(s -> s.holder().equals(holder)).findFirst();
    }

    /** @return this commit as stored: the same content, stamped with the transaction */
    public RoundCommit stamped(final String at, final String txId) {
        return new RoundCommit(round, dealer, commitments, shares, at, txId);
    }
}
