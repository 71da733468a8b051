// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.beacon.RoundCheck;
import java.util.List;

/**
 * A holder's check of the shares dealt to it in a key generation: no complaints means every share matched its
 * dealer's commitments. A complaint discloses S = x·R of the bad share (x the holder's beacon key, R the share's
 * ephemeral point) with a DLEQ proof that log_G(PK) == log_R(S), context {@code domain.context("complaint", epoch,
 * dealer, holder)}, so anyone can open the share and see it fail. To be stored under its own key per epoch and holder.
 *
 * <pre>{@code
 * {"epoch":1,"holder":"Org2MSP","complaints":[{"dealer":"Org3MSP","disclosed":"02..","challenge":"..","response":".."}]}
 * }</pre>
 *
 * @param epoch the key generation
 * @param holder the checking member
 * @param complaints one per dealer whose share failed, possibly none
 */
@JsonPropertyOrder({"epoch", "holder", "complaints"})
public record KeyCheck(
        @JsonProperty("epoch") long epoch,
        @JsonProperty("holder") String holder,
        @JsonProperty("complaints") List<RoundCheck.Complaint> complaints) {

    /** The purpose named in a complaint proof's context. */
    public static final String PURPOSE = "complaint";

    public KeyCheck {
        complaints = complaints == null ? List.of() : List.copyOf(complaints);
    }
}
