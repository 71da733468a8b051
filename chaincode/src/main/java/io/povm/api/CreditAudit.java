// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;

/**
 * The sums of every credit on the ledger, read by range scans: balances, lots, escrows and challenge deposits,
 * against the minted supply. {@code conserved} is whether {@code balances + inLots + escrowed + deposited == supply}:
 * no credit was created or destroyed outside a mint.
 *
 * <pre>{@code
 * {"accounts":9,"balances":8999970000,"lots":4,"inLots":10000,"escrows":3,"escrowed":19800,"deposits":1,
 *  "deposited":200,"supply":9000000000,"conserved":true}
 * }</pre>
 */
@JsonRootName("audit")
@JsonPropertyOrder({
    "accounts",
    "balances",
    "lots",
    "inLots",
    "escrows",
    "escrowed",
    "deposits",
    "deposited",
    "supply",
    "conserved"
})
public record CreditAudit(
        @JsonProperty("accounts") long accounts,
        @JsonProperty("balances") long balances,
        @JsonProperty("lots") long lots,
        @JsonProperty("inLots") long inLots,
        @JsonProperty("escrows") long escrows,
        @JsonProperty("escrowed") long escrowed,
        @JsonProperty("deposits") long deposits,
        @JsonProperty("deposited") long deposited,
        @JsonProperty("supply") long supply,
        @JsonProperty("conserved") boolean conserved) {
    /** @return the audit of these sums, {@code conserved} computed */
    public static CreditAudit of(
            final long accounts,
            final long balances,
            final long lots,
            final long inLots,
            final long escrows,
            final long escrowed,
            final long deposits,
            final long deposited,
            final long supply) {
        final long held = Math.addExact(Math.addExact(Math.addExact(balances, inLots), escrowed), deposited);
        return new CreditAudit(
                accounts, balances, lots, inLots, escrows, escrowed, deposits, deposited, supply, held == supply);
    }
}
