// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;

/**
 * A lot: some of one identity's credits under a key of their own, {@code ("credit-lot", msp, fabricId, lot)}, that
 * one submission spends whole (what it does not escrow comes back as a new lot, its change). An identity's
 * concurrent submissions from distinct lots read and write distinct keys, so they never conflict; two spending the
 * same lot conflict on it, and only the first one the orderer puts in a block commits. See {@code docs/consensus.md},
 * "Lots".
 *
 * <pre>{@code
 * {"msp":"Org1MSP","fabricId":"x509::...","lot":"3f1c...e9.7","amount":5400,"createdAt":"2026-11-21T10:00:00.000Z",
 *  "txId":"3f1c...e9","memo":"split of 540000 into 100 lots"}
 * }</pre>
 *
 * @param lot the lot's id, {@code <txId of the transaction that made it>.<n>}
 * @param memo why the lot exists, e.g. {@code split ...} or {@code change of SubmitJobs flip-1 ...}
 */
@JsonRootName("lot")
@JsonPropertyOrder({"msp", "fabricId", "lot", "amount", "createdAt", "txId", "memo"})
public record CreditLot(
        @JsonProperty("msp") String msp,
        @JsonProperty("fabricId") String fabricId,
        @JsonProperty("lot") String lot,
        @JsonProperty("amount") long amount,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("txId") String txId,
        @JsonProperty("memo") String memo) {
    public CreditLot {
        PovmException.requirePresent(msp, "msp", "the owner's MSP id");
        PovmException.requirePresent(fabricId, "fabricId", "the owner's Fabric id");
        PovmException.requirePresent(lot, "lot", "the lot's id");
        if (amount <= 0) {
            throw PovmException.invalid("amount", "a lot holds 1 credit or more; got " + amount);
        }
    }

    /** @return the id of the {@code n}-th lot a transaction makes */
    public static String id(final String txId, final int n) {
        return txId + "." + n;
    }
}
