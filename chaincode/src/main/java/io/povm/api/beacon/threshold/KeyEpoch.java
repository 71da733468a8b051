// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.PovmException;
import io.povm.api.beacon.BeaconKey;
import io.povm.api.beacon.RoundMember;
import java.util.List;

/**
 * An opened key generation: the members frozen with their beacon keys (index = position in MSP id order, from 1), t,
 * and the deadlines of its two phases on the multiparty clock. Stored once per epoch; deals, checks and the key are
 * stored beside it, each under its own key.
 *
 * <pre>{@code
 * {"epoch":1,"threshold":2,"members":[{"msp":"Org1MSP","index":1,"publicKey":"02.."},...],
 *  "openedAt":"2026-11-21T10:00:00.000Z","openedBy":"Org1MSP","txId":"..","dealBy":"..","checkBy":".."}
 * }</pre>
 *
 * @param epoch the key generation's number, from 1
 * @param threshold t = floor(n/2) + 1
 * @param members the members in index order with the beacon keys their shares are sealed to
 * @param openedAt the opening transaction's time
 * @param openedBy the opener's org
 * @param txId the opening transaction
 * @param dealBy after this (on the multiparty clock) the dealing closes without the members that did not deal
 * @param checkBy after this the key completes without the members that did not check
 */
@JsonPropertyOrder({"epoch", "threshold", "members", "openedAt", "openedBy", "txId", "dealBy", "checkBy"})
public record KeyEpoch(
        @JsonProperty("epoch") long epoch,
        @JsonProperty("threshold") int threshold,
        @JsonProperty("members") List<RoundMember> members,
        @JsonProperty("openedAt") String openedAt,
        @JsonProperty("openedBy") String openedBy,
        @JsonProperty("txId") String txId,
        @JsonProperty("dealBy") String dealBy,
        @JsonProperty("checkBy") String checkBy) {
    public KeyEpoch {
        members = List.copyOf(PovmException.requirePresent(members, "members", "the members in index order"));
    }

    /** @return the members' MSP ids in index order */
    public List<String> msps() {
        return members.stream().map(RoundMember::msp).toList();
    }

    /** @return the frozen beacon keys, in index order */
    public List<BeaconKey> beaconKeys() {
        return members.stream()
                .map(m -> new BeaconKey(m.msp(), m.publicKey(), openedAt, txId))
                .toList();
    }

    /** @return the key generation of this epoch with nothing dealt yet */
    public KeyGeneration generation(final BeaconDomain domain) {
        return KeyGeneration.open(domain, epoch, beaconKeys());
    }
}
