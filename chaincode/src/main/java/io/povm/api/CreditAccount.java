// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;

/**
 * One identity's credits, stored under {@code ("credit-account", msp, fabricId)}: the balance after the last
 * transaction that changed it, when that was, and why. An identity that never held credits reads as balance 0
 * without {@code updatedAt}. See {@code docs/consensus.md}, "Credits".
 *
 * <pre>{@code
 * {"msp":"Org1MSP","fabricId":"x509::CN=User1@org1...::CN=ca.org1...","balance":999996400,
 *  "updatedAt":"2026-11-21T10:00:00.000Z","memo":"escrow of job flip-1"}
 * }</pre>
 *
 * @param fabricId the identity's id as Fabric reports it, {@code x509::<subject>::<issuer>}
 * @param memo what the last change was, e.g. {@code mint fund-org1-user1} or {@code settlement of job flip-1}
 */
@JsonRootName("account")
@JsonPropertyOrder({"msp", "fabricId", "balance", "updatedAt", "memo"})
public record CreditAccount(
        @JsonProperty("msp") String msp,
        @JsonProperty("fabricId") String fabricId,
        @JsonProperty("balance") long balance,
        @JsonProperty("updatedAt") String updatedAt,
        @JsonProperty("memo") String memo) {
    public CreditAccount {
        PovmException.requirePresent(msp, "msp", "the account owner's MSP id");
        PovmException.requirePresent(fabricId, "fabricId", "the account owner's Fabric id");
        if (balance < 0) {
            throw PovmException.invalid("balance", "must be 0 or more; got " + balance);
        }
    }

    /** @return the account of an identity that never held credits */
    public static CreditAccount empty(final String msp, final String fabricId) {
        return new CreditAccount(msp, fabricId, 0, null, null);
    }

    /** @return this account with another balance, changed at {@code at} because of {@code why} */
    public CreditAccount withBalance(final long next, final String at, final String why) {
        return new CreditAccount(msp, fabricId, next, at, why);
    }

    /** @return {@code msp/fabricId}, for messages */
    public String owner() {
        return msp + "/" + fabricId;
    }
}
