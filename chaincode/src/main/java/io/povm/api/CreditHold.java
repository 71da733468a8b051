// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;

/**
 * Credits held for a job until it settles: the submitter's escrow under {@code ("credit-escrow", jobId)} or a
 * challenger's deposit under {@code ("credit-deposit", jobId, msp, fabricId)}.
 *
 * <pre>{@code
 * {"kind":"escrow","jobId":"flip-1","msp":"Org1MSP","fabricId":"x509::...","amount":1800,
 *  "heldAt":"2026-11-21T10:00:00.000Z","txId":"3f1c...","basis":"price 1 x 3 replicas x 600 s"}
 * }</pre>
 *
 * @param kind {@value #ESCROW} or {@value #DEPOSIT}
 * @param msp the MSP id of the identity the credits came from and return to
 * @param fabricId that identity's Fabric id
 * @param basis how the amount was computed
 */
@JsonRootName("hold")
@JsonPropertyOrder({"kind", "jobId", "msp", "fabricId", "amount", "heldAt", "txId", "basis"})
public record CreditHold(
        @JsonProperty("kind") String kind,
        @JsonProperty("jobId") String jobId,
        @JsonProperty("msp") String msp,
        @JsonProperty("fabricId") String fabricId,
        @JsonProperty("amount") long amount,
        @JsonProperty("heldAt") String heldAt,
        @JsonProperty("txId") String txId,
        @JsonProperty("basis") String basis) {
    public static final String ESCROW = "escrow";
    public static final String DEPOSIT = "deposit";

    public CreditHold {
        PovmException.requirePresent(kind, "kind", ESCROW + " or " + DEPOSIT);
        PovmException.requirePresent(jobId, "jobId", "the job the credits are held for");
        PovmException.requirePresent(msp, "msp", "the owner's MSP id");
        PovmException.requirePresent(fabricId, "fabricId", "the owner's Fabric id");
        if (amount < 0) {
            throw PovmException.invalid("amount", "must be 0 or more; got " + amount);
        }
    }

    /** @return {@code msp/fabricId} of the owner */
    public String owner() {
        return msp + "/" + fabricId;
    }
}
