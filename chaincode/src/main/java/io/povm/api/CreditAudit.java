package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;

/**
 * The sums of every credit on the ledger, read by range scans: balances, escrows and challenge deposits, against
 * the minted supply. {@code conserved} is whether {@code balances + escrowed + deposited == supply}: no credit was
 * created or destroyed outside a mint.
 *
 * <pre>{@code
 * {"accounts":9,"balances":8999980000,"escrows":3,"escrowed":19800,"deposits":1,"deposited":200,
 *  "supply":9000000000,"conserved":true}
 * }</pre>
 */
@JsonRootName("audit")
@JsonPropertyOrder({"accounts", "balances", "escrows", "escrowed", "deposits", "deposited", "supply", "conserved"})
public record CreditAudit(
        @JsonProperty("accounts") long accounts,
        @JsonProperty("balances") long balances,
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
            final long escrows,
            final long escrowed,
            final long deposits,
            final long deposited,
            final long supply) {
        final boolean conserved = Math.addExact(Math.addExact(balances, escrowed), deposited) == supply;
        return new CreditAudit(accounts, balances, escrows, escrowed, deposits, deposited, supply, conserved);
    }
}
