// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;

/**
 * A qualified dealer's secret s_i = f_i(0), revealed after the check phase and checked against C_0; stored under
 * {@code ("beacon-reveal", round, dealer)}.
 */
@JsonRootName("reveal")
@JsonPropertyOrder({"round", "dealer", "secret", "at"})
public record RoundReveal(
        @JsonProperty("round") long round,
        @JsonProperty("dealer") String dealer,
        @JsonProperty("secret") String secret,
        @JsonProperty("at") String at) {}
