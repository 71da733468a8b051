// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;
import java.util.Optional;

/**
 * The payload of every SLA event ({@link SlaTransactions#PROPOSED_EVENT} and the others): which org did what to
 * which SLA, the state before ({@code previousState}, absent for a proposal) and after, and the governance counts a
 * dashboard shows. A state change is visible as {@code previousState != state}.
 *
 * <pre>{@code
 * {"sla":"standard@1","action":"APPROVE","org":"Org2MSP","previousState":"PROPOSED","state":"ACTIVE",
 *  "approvals":2,"deprecationVotes":0,"threshold":2,"members":3,"txId":"9a0e...","at":"2026-11-20T10:01:02.345Z"}
 * }</pre>
 */
@JsonRootName("slaEvent")
@JsonPropertyOrder({
    "sla",
    "action",
    "org",
    "previousState",
    "state",
    "approvals",
    "deprecationVotes",
    "threshold",
    "members",
    "txId",
    "at"
})
public final class SlaEvent {
    /** What the transaction did. */
    public enum Action {
        PROPOSE,
        APPROVE,
        DEPRECATE
    }

    @JsonProperty("sla")
    private final String sla;

    @JsonProperty("action")
    private final Action action;

    @JsonProperty("org")
    private final String org;

    @JsonProperty("previousState")
    private final SlaState previousState;

    @JsonProperty("state")
    private final SlaState state;

    @JsonProperty("approvals")
    private final int approvals;

    @JsonProperty("deprecationVotes")
    private final int deprecationVotes;

    @JsonProperty("threshold")
    private final int threshold;

    @JsonProperty("members")
    private final int members;

    @JsonProperty("txId")
    private final String txId;

    @JsonProperty("at")
    private final String at;

    /**
     * @param org the MSP id of the org whose admin signed the transaction
     * @param previousState the state before the transaction; null for a proposal
     * @param status the SLA's status after the transaction
     */
    public SlaEvent(
            final Action action,
            final String org,
            final SlaState previousState,
            final SlaStatus status,
            final String txId,
            final String at) {
        this.action = Objects.requireNonNull(action, "action");
        this.org = Objects.requireNonNull(org, "org");
        this.previousState = previousState;
        this.sla = status.sla();
        this.state = status.state();
        this.approvals = status.approvals();
        this.deprecationVotes = status.deprecationVotes();
        this.threshold = status.threshold();
        this.members = status.members();
        this.txId = Objects.requireNonNull(txId, "txId");
        this.at = Objects.requireNonNull(at, "at");
    }

    @JsonCreator
    static SlaEvent fromJson(
            @JsonProperty("sla") final String sla,
            @JsonProperty("action") final Action action,
            @JsonProperty("org") final String org,
            @JsonProperty("previousState") final SlaState previousState,
            @JsonProperty("state") final SlaState state,
            @JsonProperty("approvals") final Integer approvals,
            @JsonProperty("deprecationVotes") final Integer deprecationVotes,
            @JsonProperty("threshold") final Integer threshold,
            @JsonProperty("members") final Integer members,
            @JsonProperty("txId") final String txId,
            @JsonProperty("at") final String at) {
        final SlaStatus status = SlaStatus.fromJson(sla, state, approvals, deprecationVotes, threshold, members);
        return new SlaEvent(
                PovmException.requirePresent(action, "action", "PROPOSE, APPROVE or DEPRECATE"),
                PovmException.requirePresent(org, "org", "an MSP id"),
                previousState,
                status,
                PovmException.requirePresent(txId, "txId", "the transaction id"),
                PovmException.requirePresent(at, "at", "ISO-8601 UTC time"));
    }

    public String sla() {
        return sla;
    }

    public Action action() {
        return action;
    }

    public String org() {
        return org;
    }

    /** @return the state before the transaction; empty for a proposal */
    public Optional<SlaState> previousState() {
        return Optional.ofNullable(previousState);
    }

    public SlaState state() {
        return state;
    }

    /** @return whether this transaction changed the SLA's state (a proposal counts as no change) */
    public boolean changedState() {
        return previousState != null && previousState != state;
    }

    public SlaStatus status() {
        return new SlaStatus(SlaRef.parse(sla, "sla"), state, approvals, deprecationVotes, threshold, members);
    }

    public String txId() {
        return txId;
    }

    public String at() {
        return at;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SlaEvent)) {
            return false;
        }
        final SlaEvent that = (SlaEvent) other;
        return sla.equals(that.sla)
                && action == that.action
                && org.equals(that.org)
                && previousState == that.previousState
                && state == that.state
                && approvals == that.approvals
                && deprecationVotes == that.deprecationVotes
                && threshold == that.threshold
                && members == that.members
                && txId.equals(that.txId)
                && at.equals(that.at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                sla, action, org, previousState, state, approvals, deprecationVotes, threshold, members, txId, at);
    }

    @Override
    public String toString() {
        return "SlaEvent{" + action + " " + sla + " by " + org + ": " + previousState + " -> " + state + ", approvals="
                + approvals + ", deprecationVotes=" + deprecationVotes + ", threshold=" + threshold + ", tx=" + txId
                + "}";
    }
}
