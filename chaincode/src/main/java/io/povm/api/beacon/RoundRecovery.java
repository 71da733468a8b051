// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;

/**
 * A holder's decrypted share f_dealer(holder index) of a dealer that did not reveal by the deadline, checked against
 * the dealer's commitments; threshold of them recover the secret. Stored under {@code ("beacon-recovery", round,
 * dealer, holder)}.
 */
@JsonRootName("recovery")
@JsonPropertyOrder({"round", "dealer", "holder", "share", "at"})
public record RoundRecovery(
        @JsonProperty("round") long round,
        @JsonProperty("dealer") String dealer,
        @JsonProperty("holder") String holder,
        @JsonProperty("share") String share,
        @JsonProperty("at") String at) {}
