// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;
import java.util.Optional;

/**
 * An SLA as the ledger holds it: its immutable terms ({@link SlaSpec}), its {@link SlaState}, who proposed it and
 * when, and when it became ACTIVE and DEPRECATED (absent until then). Votes are not part of it: each org's approval
 * and deprecation vote has its own key (see {@link SlaVotes}).
 *
 * <pre>{@code
 * {"spec":{"name":"standard","version":1,"vm":{...},"job":{...}},"state":"ACTIVE",
 *  "proposer":{"msp":"Org1MSP","id":"x509::..."},"proposedAt":"2026-11-20T10:00:00.123Z","proposeTxId":"3f1c...",
 *  "activatedAt":"2026-11-20T10:01:02.345Z"}
 * }</pre>
 */
@JsonRootName("sla")
@JsonPropertyOrder({"spec", "state", "proposer", "proposedAt", "proposeTxId", "activatedAt", "deprecatedAt"})
public final class Sla {
    @JsonProperty("spec")
    private final SlaSpec spec;

    @JsonProperty("state")
    private final SlaState state;

    @JsonProperty("proposer")
    private final Submitter proposer;

    @JsonProperty("proposedAt")
    private final String proposedAt;

    @JsonProperty("proposeTxId")
    private final String proposeTxId;

    @JsonProperty("activatedAt")
    private final String activatedAt;

    @JsonProperty("deprecatedAt")
    private final String deprecatedAt;

    /**
     * @param proposer the org admin who proposed it (MSP id and identity)
     * @param proposedAt ISO-8601 UTC with milliseconds, the proposing transaction's timestamp
     * @param activatedAt when it became ACTIVE; null before
     * @param deprecatedAt when it became DEPRECATED; null before
     */
    @JsonCreator
    public Sla(
            @JsonProperty("spec") final SlaSpec spec,
            @JsonProperty("state") final SlaState state,
            @JsonProperty("proposer") final Submitter proposer,
            @JsonProperty("proposedAt") final String proposedAt,
            @JsonProperty("proposeTxId") final String proposeTxId,
            @JsonProperty("activatedAt") final String activatedAt,
            @JsonProperty("deprecatedAt") final String deprecatedAt) {
        this.spec = PovmException.requirePresent(spec, "spec", "the SLA's terms");
        this.state = PovmException.requirePresent(state, "state", "the SLA's state");
        this.proposer = PovmException.requirePresent(proposer, "proposer", "who proposed the SLA");
        this.proposedAt = PovmException.requirePresent(proposedAt, "proposedAt", "ISO-8601 UTC time");
        this.proposeTxId = PovmException.requirePresent(proposeTxId, "proposeTxId", "the proposing transaction id");
        this.activatedAt = activatedAt;
        this.deprecatedAt = deprecatedAt;
    }

    /** @return a new PROPOSED SLA */
    public static Sla proposed(
            final SlaSpec spec, final Submitter proposer, final String proposedAt, final String proposeTxId) {
        return new Sla(spec, SlaState.PROPOSED, proposer, proposedAt, proposeTxId, null, null);
    }

    /** @return this SLA, ACTIVE since {@code at} */
    public Sla activated(final String at) {
        return new Sla(
                spec, SlaState.ACTIVE, proposer, proposedAt, proposeTxId, Objects.requireNonNull(at, "at"), null);
    }

    /** @return this SLA, DEPRECATED since {@code at} */
    public Sla deprecated(final String at) {
        return new Sla(
                spec,
                SlaState.DEPRECATED,
                proposer,
                proposedAt,
                proposeTxId,
                activatedAt,
                Objects.requireNonNull(at, "at"));
    }

    public SlaSpec spec() {
        return spec;
    }

    /** @return {@code name@version} */
    public SlaRef ref() {
        return spec.ref();
    }

    public SlaState state() {
        return state;
    }

    public Submitter proposer() {
        return proposer;
    }

    public String proposedAt() {
        return proposedAt;
    }

    public String proposeTxId() {
        return proposeTxId;
    }

    /** @return when the SLA became ACTIVE; empty while PROPOSED */
    public Optional<String> activatedAt() {
        return Optional.ofNullable(activatedAt);
    }

    /** @return when the SLA became DEPRECATED; empty before */
    public Optional<String> deprecatedAt() {
        return Optional.ofNullable(deprecatedAt);
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Sla)) {
            return false;
        }
        final Sla that = (Sla) other;
        return spec.equals(that.spec)
                && state == that.state
                && proposer.equals(that.proposer)
                && proposedAt.equals(that.proposedAt)
                && proposeTxId.equals(that.proposeTxId)
                && Objects.equals(activatedAt, that.activatedAt)
                && Objects.equals(deprecatedAt, that.deprecatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, state, proposer, proposedAt, proposeTxId, activatedAt, deprecatedAt);
    }

    @Override
    public String toString() {
        return "Sla{" + ref() + ", state=" + state + ", proposer=" + proposer.msp() + ", proposedAt=" + proposedAt
                + ", activatedAt=" + activatedAt + ", deprecatedAt=" + deprecatedAt + "}";
    }
}
