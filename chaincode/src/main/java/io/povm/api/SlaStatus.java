// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;

/**
 * Where an SLA's governance stands: its state, how many member orgs approved it and voted to deprecate it, and how
 * many votes a majority needs ({@code threshold}, of {@code members} orgs). Returned by {@code sla:Approve} and
 * {@code sla:Deprecate}; the counts include only votes of current member orgs.
 *
 * <pre>{@code
 * {"sla":"standard@1","state":"ACTIVE","approvals":2,"deprecationVotes":0,"threshold":2,"members":3}
 * }</pre>
 */
@JsonRootName("slaStatus")
@JsonPropertyOrder({"sla", "state", "approvals", "deprecationVotes", "threshold", "members"})
public final class SlaStatus {
    @JsonProperty("sla")
    private final String sla;

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

    public SlaStatus(
            final SlaRef sla,
            final SlaState state,
            final int approvals,
            final int deprecationVotes,
            final int threshold,
            final int members) {
        this.sla = Objects.requireNonNull(sla, "sla").toString();
        this.state = Objects.requireNonNull(state, "state");
        this.approvals = approvals;
        this.deprecationVotes = deprecationVotes;
        this.threshold = threshold;
        this.members = members;
    }

    @JsonCreator
    static SlaStatus fromJson(
            @JsonProperty("sla") final String sla,
            @JsonProperty("state") final SlaState state,
            @JsonProperty("approvals") final Integer approvals,
            @JsonProperty("deprecationVotes") final Integer deprecationVotes,
            @JsonProperty("threshold") final Integer threshold,
            @JsonProperty("members") final Integer members) {
        return new SlaStatus(
                SlaRef.parse(sla, "sla"),
                PovmException.requirePresent(state, "state", "the SLA's state"),
                PovmException.requirePresent(approvals, "approvals", "a count"),
                PovmException.requirePresent(deprecationVotes, "deprecationVotes", "a count"),
                PovmException.requirePresent(threshold, "threshold", "a count"),
                PovmException.requirePresent(members, "members", "a count"));
    }

    /** @return {@code name@version} */
    public String sla() {
        return sla;
    }

    public SlaState state() {
        return state;
    }

    /** @return approvals by current member orgs, the proposer's included */
    public int approvals() {
        return approvals;
    }

    /** @return deprecation votes by current member orgs */
    public int deprecationVotes() {
        return deprecationVotes;
    }

    /** @return the votes a majority needs: floor(members / 2) + 1 */
    public int threshold() {
        return threshold;
    }

    /** @return how many member orgs there are */
    public int members() {
        return members;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SlaStatus)) {
            return false;
        }
        final SlaStatus that = (SlaStatus) other;
        return sla.equals(that.sla)
                && state == that.state
                && approvals == that.approvals
                && deprecationVotes == that.deprecationVotes
                && threshold == that.threshold
                && members == that.members;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sla, state, approvals, deprecationVotes, threshold, members);
    }

    @Override
    public String toString() {
        return "SlaStatus{" + sla + " " + state + ", approvals=" + approvals + ", deprecationVotes=" + deprecationVotes
                + ", threshold=" + threshold + " of " + members + "}";
    }
}
