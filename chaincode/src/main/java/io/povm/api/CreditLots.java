// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;

/**
 * Lots of one identity, in key order, with their count and sum: what {@code credit:Lots} lists and what {@code
 * credit:Split} made. An identity's credits are its account's balance plus its lots.
 *
 * <pre>{@code
 * {"msp":"Org1MSP","fabricId":"x509::...","count":2,"total":10800,"lots":[{...},{...}]}
 * }</pre>
 */
@JsonRootName("lots")
@JsonPropertyOrder({"msp", "fabricId", "count", "total", "lots"})
public record CreditLots(
        @JsonProperty("msp") String msp,
        @JsonProperty("fabricId") String fabricId,
        @JsonProperty("count") long count,
        @JsonProperty("total") long total,
        @JsonProperty("lots") List<CreditLot> lots) {
    public CreditLots {
        lots = lots == null ? List.of() : List.copyOf(lots);
    }

    /** @return these lots of {@code msp/fabricId}, counted and summed */
    public static CreditLots of(final String msp, final String fabricId, final List<CreditLot> lots) {
        long total = 0;
        for (CreditLot lot : lots) {
            total = Math.addExact(total, lot.amount());
        }
        return new CreditLots(msp, fabricId, lots.size(), total, lots);
    }
}
