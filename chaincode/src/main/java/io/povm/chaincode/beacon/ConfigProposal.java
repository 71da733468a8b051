// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import io.povm.api.beacon.BeaconConfig;
import java.util.List;

/**
 * A proposed change of the {@link BeaconConfig}, approved by member org admins; it takes effect in the transaction
 * of the approval that reaches the majority (the next round to open uses it).
 *
 * @param approvals the approving orgs' MSP ids, the proposer's first
 */
@JsonRootName("configProposal")
@JsonPropertyOrder({"id", "config", "proposer", "proposedAt", "approvals", "threshold", "state"})
public record ConfigProposal(
        @JsonProperty("id") String id,
        @JsonProperty("config") BeaconConfig config,
        @JsonProperty("proposer") String proposer,
        @JsonProperty("proposedAt") String proposedAt,
        @JsonProperty("approvals") List<String> approvals,
        @JsonProperty("threshold") int threshold,
        @JsonProperty("state") String state) {
    public static final String PROPOSED = "PROPOSED";
    public static final String EXECUTED = "EXECUTED";

    public ConfigProposal {
        approvals = List.copyOf(approvals);
    }

    /** @return the proposal with one more org's approval, EXECUTED when that reaches {@code threshold} */
    ConfigProposal approvedBy(final String msp, final int threshold) {
        final List<String> more = new java.util.ArrayList<>(approvals);
        more.add(msp);
        return new ConfigProposal(
                id, config, proposer, proposedAt, more, threshold, more.size() >= threshold ? EXECUTED : PROPOSED);
    }
}
