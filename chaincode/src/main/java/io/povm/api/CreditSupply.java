// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;

/**
 * Every credit ever minted, under the key {@code ("credit-supply")}: only mints change it (executed mint votes, lottery
 * rewards, upheld random audits), so it is never a
 * hot key for jobs. {@code {"total":3000000000,"mints":3,"updatedAt":"...","lastMint":"fund-org3-user1"}}
 */
@JsonRootName("supply")
@JsonPropertyOrder({"total", "mints", "updatedAt", "lastMint"})
public record CreditSupply(
        @JsonProperty("total") long total,
        @JsonProperty("mints") long mints,
        @JsonProperty("updatedAt") String updatedAt,
        @JsonProperty("lastMint") String lastMint) {
    /** Before the first mint. */
    public static final CreditSupply NONE = new CreditSupply(0, 0, null, null);

    /**
     * @return the supply after one more mint
     * @throws ArithmeticException when the total would overflow
     */
    public CreditSupply plus(final long amount, final String at, final String mintId) {
        return new CreditSupply(Math.addExact(total, amount), mints + 1, at, mintId);
    }
}
