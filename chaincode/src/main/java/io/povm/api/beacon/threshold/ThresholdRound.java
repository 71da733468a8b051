// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An opened threshold round: its number and the epoch whose key makes σ_r. Its outcome is fixed by the key and r
 * alone, so nothing else is frozen. Threshold rounds are numbered on their own, from 1, apart from commit-reveal rounds.
 *
 * <pre>{@code
 * {"round":7,"epoch":1,"threshold":2,"openedAt":"2026-11-21T10:00:00.000Z","openedBy":"Org1MSP","txId":".."}
 * }</pre>
 */
@JsonPropertyOrder({"round", "epoch", "threshold", "openedAt", "openedBy", "txId"})
public record ThresholdRound(
        @JsonProperty("round") long round,
        @JsonProperty("epoch") long epoch,
        @JsonProperty("threshold") int threshold,
        @JsonProperty("openedAt") String openedAt,
        @JsonProperty("openedBy") String openedBy,
        @JsonProperty("txId") String txId) {}
