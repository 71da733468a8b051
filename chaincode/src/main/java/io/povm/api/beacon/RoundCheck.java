// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;

/**
 * A holder org's check of the shares dealt to it in a round, stored under {@code ("beacon-check", round, holder)}:
 * no complaints means every share it received matched its dealer's commitments. A complaint discloses S = x·R of the
 * bad share (x the holder's beacon key, R the share's ephemeral point) with a DLEQ proof, so that anyone can open
 * the share and see it fail; the dealer is then disqualified before any secret is revealed.
 */
@JsonRootName("check")
@JsonPropertyOrder({"round", "holder", "complaints", "at"})
public record RoundCheck(
        @JsonProperty("round") long round,
        @JsonProperty("holder") String holder,
        @JsonProperty("complaints") List<Complaint> complaints,
        @JsonProperty("at") String at) {

    /** A complaint against one dealer's share; challenge and response in hex. */
    @JsonPropertyOrder({"dealer", "disclosed", "challenge", "response"})
    public record Complaint(
            @JsonProperty("dealer") String dealer,
            @JsonProperty("disclosed") String disclosed,
            @JsonProperty("challenge") String challenge,
            @JsonProperty("response") String response) {
        public Dleq.Proof proof() {
            return new Dleq.Proof(
                    Hex.scalar("complaints.challenge", challenge), Hex.scalar("complaints.response", response));
        }
    }

    public RoundCheck {
        complaints = complaints == null ? List.of() : List.copyOf(complaints);
    }

    public RoundCheck stamped(final String at) {
        return new RoundCheck(round, holder, complaints, at);
    }

    /** @return the DLEQ context of a complaint: binds the proof to the channel, round, dealer and holder */
    public static byte[] context(final String channel, final long round, final String dealer, final String holder) {
        return ("complaint/" + channel + "/" + round + "/" + dealer + "/" + holder)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
