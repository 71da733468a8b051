// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A member org as a round froze it: its share index (1-based, in MSP id order) and its beacon key.
 */
@JsonPropertyOrder({"msp", "index", "publicKey"})
public record RoundMember(
        @JsonProperty("msp") String msp,
        @JsonProperty("index") int index,
        @JsonProperty("publicKey") String publicKey) {}
