// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.ArrayList;
import java.util.List;

/**
 * A proposal to add one org to the member orgs, approved by member orgs' admins; the approval that reaches a majority
 * of the current members adds it, in the same transaction. Stored under {@code ("org-member-proposal", msp)}.
 *
 * <pre>{@code
 * {"msp":"Org4MSP","state":"EXECUTED","proposer":{"msp":"Org1MSP","id":"x509::CN=Admin@org1..."},
 *  "proposedAt":"...","approvals":[{"msp":"Org1MSP","id":"x509::...","at":"...","txId":"..."},{"msp":"Org2MSP",...}],
 *  "threshold":2,"executedAt":"..."}
 * }</pre>
 *
 * @param msp the MSP id of the org to add
 * @param state {@value #PROPOSED} or {@value #EXECUTED}
 * @param approvals one per approving member org, the proposer's org first
 * @param threshold the member orgs' majority when last voted on
 * @param executedAt when the org became a member; absent while {@value #PROPOSED}
 */
@JsonRootName("memberProposal")
@JsonPropertyOrder({"msp", "state", "proposer", "proposedAt", "approvals", "threshold", "executedAt"})
public record MemberProposal(
        @JsonProperty("msp") String msp,
        @JsonProperty("state") String state,
        @JsonProperty("proposer") Submitter proposer,
        @JsonProperty("proposedAt") String proposedAt,
        @JsonProperty("approvals") List<Approval> approvals,
        @JsonProperty("threshold") int threshold,
        @JsonProperty("executedAt") String executedAt) {
    public static final String PROPOSED = "PROPOSED";
    public static final String EXECUTED = "EXECUTED";

    public MemberProposal {
        PovmException.requirePresent(msp, "msp", "the MSP id of the org to add");
        PovmException.requirePresent(state, "state", PROPOSED + " or " + EXECUTED);
        PovmException.requirePresent(proposer, "proposer", "the proposing admin");
        PovmException.requirePresent(proposedAt, "proposedAt", "ISO-8601 UTC time");
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    /** @return a fresh proposal with the proposer's approval, executed at once when that alone is a majority */
    public static MemberProposal open(
            final String msp, final Submitter proposer, final Approval first, final int threshold) {
        return new MemberProposal(msp, PROPOSED, proposer, first.at(), List.of(), threshold, null)
                .approved(first, threshold, threshold <= 1);
    }

    /** @return whether the org was added */
    public boolean executed() {
        return EXECUTED.equals(state);
    }

    /** @return whether this org approved already */
    public boolean approvedBy(final String org) {
        return approvals.stream().anyMatch(approval -> approval.msp().equals(org));
    }

    /** @return the MSP ids of the approving orgs, in approval order */
    public List<String> approvingOrgs() {
        return approvals.stream().map(Approval::msp).toList();
    }

    /** @return this proposal with one more approval, executed at the approval's time when {@code executes} */
    public MemberProposal approved(final Approval approval, final int majority, final boolean executes) {
        final List<Approval> next = new ArrayList<>(approvals);
        next.add(approval);
        return new MemberProposal(
                msp,
                executes ? EXECUTED : PROPOSED,
                proposer,
                proposedAt,
                next,
                majority,
                executes ? approval.at() : null);
    }
}
