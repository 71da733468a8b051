// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Everything the ledger holds about one threshold round, as {@code threshold:GetRound} and {@code PostPartial} return
 * it: the round, its partials, the result once closed, and a note saying what it waits for.
 *
 * @param phase {@code OPEN} (fewer than t partials) or {@code CLOSED}
 */
@JsonPropertyOrder({"round", "phase", "note", "partials", "result"})
public record ThresholdRoundView(
        @JsonProperty("round") ThresholdRound round,
        @JsonProperty("phase") String phase,
        @JsonProperty("note") String note,
        @JsonProperty("partials") List<Partial> partials,
        @JsonProperty("result") ThresholdResult result) {
    public ThresholdRoundView {
        partials = partials == null ? List.of() : List.copyOf(partials);
    }
}
