// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One worker's tickets in a round, frozen when the round opens: the sum of its {@link Ticket}s (PoVM) or its staked
 * free capacity (CloudPoS). The lottery draws among these, by {@code workerKey}.
 */
@JsonPropertyOrder({"workerKey", "msp", "fabricId", "tickets", "why"})
public record TicketTotal(
        @JsonProperty("workerKey") String workerKey,
        @JsonProperty("msp") String msp,
        @JsonProperty("fabricId") String fabricId,
        @JsonProperty("tickets") long tickets,
        @JsonProperty("why") String why) {}
