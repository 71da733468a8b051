// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;

/**
 * Every committed version of one account, newest first, from the key's history:
 * {@code {"msp":"Org1MSP","fabricId":"x509::...","entries":[{"txId":"...","at":"...","balance":999998200,
 * "memo":"escrow of job flip-1"}]}}
 */
@JsonRootName("history")
@JsonPropertyOrder({"msp", "fabricId", "entries"})
public record CreditHistory(
        @JsonProperty("msp") String msp,
        @JsonProperty("fabricId") String fabricId,
        @JsonProperty("entries") List<Entry> entries) {
    public CreditHistory {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** One committed version: the transaction, its timestamp, the balance after it and why it changed. */
    @JsonPropertyOrder({"txId", "at", "balance", "memo"})
    public record Entry(
            @JsonProperty("txId") String txId,
            @JsonProperty("at") String at,
            @JsonProperty("balance") long balance,
            @JsonProperty("memo") String memo) {}
}
