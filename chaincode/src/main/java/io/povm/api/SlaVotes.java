// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code sla:ListApprovals}: an SLA's state, the member orgs and the majority they need, and every
 * stored approval and deprecation vote in org order.
 *
 * <pre>{@code
 * {"sla":"standard@1","state":"ACTIVE","threshold":2,"members":["Org1MSP","Org2MSP","Org3MSP"],
 *  "approvals":[{"msp":"Org1MSP",...},{"msp":"Org2MSP",...}],"deprecationVotes":[]}
 * }</pre>
 */
@JsonRootName("slaVotes")
@JsonPropertyOrder({"sla", "state", "threshold", "members", "approvals", "deprecationVotes"})
public final class SlaVotes {
    @JsonProperty("sla")
    private final String sla;

    @JsonProperty("state")
    private final SlaState state;

    @JsonProperty("threshold")
    private final int threshold;

    @JsonProperty("members")
    private final List<String> members;

    @JsonProperty("approvals")
    private final List<SlaVote> approvals;

    @JsonProperty("deprecationVotes")
    private final List<SlaVote> deprecationVotes;

    public SlaVotes(
            final SlaRef sla,
            final SlaState state,
            final Members members,
            final List<SlaVote> approvals,
            final List<SlaVote> deprecationVotes) {
        this(sla.toString(), state, members.threshold(), members.msps(), approvals, deprecationVotes);
    }

    private SlaVotes(
            final String sla,
            final SlaState state,
            final int threshold,
            final List<String> members,
            final List<SlaVote> approvals,
            final List<SlaVote> deprecationVotes) {
        this.sla = Objects.requireNonNull(sla, "sla");
        this.state = Objects.requireNonNull(state, "state");
        this.threshold = threshold;
        this.members = List.copyOf(members);
        this.approvals = List.copyOf(approvals);
        this.deprecationVotes = List.copyOf(deprecationVotes);
    }

    @JsonCreator
    static SlaVotes fromJson(
            @JsonProperty("sla") final String sla,
            @JsonProperty("state") final SlaState state,
            @JsonProperty("threshold") final Integer threshold,
            @JsonProperty("members") final List<String> members,
            @JsonProperty("approvals") final List<SlaVote> approvals,
            @JsonProperty("deprecationVotes") final List<SlaVote> deprecationVotes) {
        return new SlaVotes(
                SlaRef.parse(sla, "sla").toString(),
                PovmException.requirePresent(state, "state", "the SLA's state"),
                PovmException.requirePresent(threshold, "threshold", "a count"),
                PovmException.requirePresent(members, "members", "a JSON array of MSP ids"),
                PovmException.requirePresent(approvals, "approvals", "a JSON array of votes"),
                PovmException.requirePresent(deprecationVotes, "deprecationVotes", "a JSON array of votes"));
    }

    /** @return {@code name@version} */
    public String sla() {
        return sla;
    }

    public SlaState state() {
        return state;
    }

    public int threshold() {
        return threshold;
    }

    /** @return the member orgs' MSP ids, sorted */
    public List<String> members() {
        return members;
    }

    /** @return the approvals in MSP id order, the proposer's included */
    public List<SlaVote> approvals() {
        return approvals;
    }

    /** @return the deprecation votes in MSP id order */
    public List<SlaVote> deprecationVotes() {
        return deprecationVotes;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SlaVotes)) {
            return false;
        }
        final SlaVotes that = (SlaVotes) other;
        return sla.equals(that.sla)
                && state == that.state
                && threshold == that.threshold
                && members.equals(that.members)
                && approvals.equals(that.approvals)
                && deprecationVotes.equals(that.deprecationVotes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sla, state, threshold, members, approvals, deprecationVotes);
    }

    @Override
    public String toString() {
        return "SlaVotes{" + sla + " " + state + ", threshold=" + threshold + ", approvals=" + approvals
                + ", deprecationVotes=" + deprecationVotes + "}";
    }
}
