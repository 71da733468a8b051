// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.PovmException;
import io.povm.api.beacon.RoundMember;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a key generation: the shared public key X = x·G, every member's public share X_i = x_i·G, and the
 * threshold t of partials that determine x·H(r). Nobody knows x; member i alone knows x_i. Stored once per epoch; a
 * round names the epoch whose key it uses.
 *
 * <pre>{@code
 * {"epoch":1,"threshold":2,"members":[{"msp":"Org1MSP","index":1,"publicKey":"02.."},...],
 *  "qualified":["Org1MSP","Org3MSP"],"publicKey":"03..","publicShares":[{"msp":"Org1MSP","index":1,"point":"02.."},...]}
 * }</pre>
 *
 * @param epoch the key generation's number
 * @param threshold t = floor(n/2) + 1
 * @param members the members in index order (index = position in MSP id order, from 1) with their beacon keys
 * @param qualified the dealers whose polynomials make up x, in index order
 * @param publicKey X = Σ_{j qualified} C_j0, compressed SEC1 hex
 * @param publicShares X_i = Σ_{j qualified} Σ_k C_jk·i^k for every member, in index order
 */
@JsonPropertyOrder({"epoch", "threshold", "members", "qualified", "publicKey", "publicShares"})
public record ThresholdKey(
        @JsonProperty("epoch") long epoch,
        @JsonProperty("threshold") int threshold,
        @JsonProperty("members") List<RoundMember> members,
        @JsonProperty("qualified") List<String> qualified,
        @JsonProperty("publicKey") String publicKey,
        @JsonProperty("publicShares") List<PublicShare> publicShares) {

    /** A member's public share X_i = x_i·G. */
    @JsonPropertyOrder({"msp", "index", "point"})
    public record PublicShare(
            @JsonProperty("msp") String msp, @JsonProperty("index") int index, @JsonProperty("point") String point) {}

    public ThresholdKey {
        members = List.copyOf(PovmException.requirePresent(members, "members", "the members in index order"));
        qualified = List.copyOf(PovmException.requirePresent(qualified, "qualified", "the qualified dealers"));
        publicShares = List.copyOf(PovmException.requirePresent(publicShares, "publicShares", "X_i per member"));
        if (threshold < 1 || threshold > members.size()) {
            throw PovmException.invalid("threshold", "must be 1.." + members.size() + ", got " + threshold);
        }
    }

    /** @return member {@code msp}'s public share */
    public Optional<PublicShare> share(final String msp) {
        return publicShares.stream().filter(s -> s.msp().equals(msp)).findFirst();
    }
}
