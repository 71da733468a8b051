// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import io.povm.api.PovmException;
import java.util.List;
import java.util.Optional;

/**
 * What a round froze when it opened, stored once under {@code ("beacon-round", round)}: the member orgs with their
 * beacon keys, the threshold, the phase deadlines, the previous round's seed, the ticket snapshot and its hash, and
 * the config values it uses. Nothing in it changes afterwards.
 *
 * @param commitBy the commit phase's deadline; the check and reveal phases end {@code phaseSeconds} later each
 * @param snapshotHash SHA-256 of the canonical JSON of {@code tickets}, an input of the seed
 */
@JsonRootName("round")
@JsonPropertyOrder({
    "round",
    "members",
    "threshold",
    "openedAt",
    "openedBy",
    "txId",
    "commitBy",
    "checkBy",
    "revealBy",
    "previousSeed",
    "ticketMode",
    "tickets",
    "snapshotHash",
    "reward",
    "winners",
    "auditNum",
    "auditDen"
})
public record RoundHeader(
        @JsonProperty("round") long round,
        @JsonProperty("members") List<RoundMember> members,
        @JsonProperty("threshold") int threshold,
        @JsonProperty("openedAt") String openedAt,
        @JsonProperty("openedBy") String openedBy,
        @JsonProperty("txId") String txId,
        @JsonProperty("commitBy") String commitBy,
        @JsonProperty("checkBy") String checkBy,
        @JsonProperty("revealBy") String revealBy,
        @JsonProperty("previousSeed") String previousSeed,
        @JsonProperty("ticketMode") String ticketMode,
        @JsonProperty("tickets") List<TicketTotal> tickets,
        @JsonProperty("snapshotHash") String snapshotHash,
        @JsonProperty("reward") long reward,
        @JsonProperty("winners") int winners,
        @JsonProperty("auditNum") long auditNum,
        @JsonProperty("auditDen") long auditDen) {
    public RoundHeader {
        members = List.copyOf(PovmException.requirePresent(members, "members", "the round's member orgs"));
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
    }

    /** @return the member org {@code msp}, if it is one of this round's */
    public Optional<RoundMember> member(final String msp) {
        return members.stream().filter(m -> m.msp().equals(msp)).findFirst();
    }

    /** @return the MSP ids of the round's members, in index order */
    public List<String> msps() {
        return members.stream().map(RoundMember::msp).toList();
    }
}
