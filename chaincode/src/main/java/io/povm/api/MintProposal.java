// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.ArrayList;
import java.util.List;

/**
 * A proposal to create credits in one account, approved by member orgs' admins; it executes (the account is
 * credited and the supply grows) in the transaction of the approval that reaches the majority. Stored under
 * {@code ("credit-mint", id)}.
 *
 * <pre>{@code
 * {"id":"fund-org1-user1","msp":"Org1MSP","fabricId":"x509::...","amount":1000000000,"reason":"network funding",
 *  "state":"EXECUTED","proposer":{"msp":"Org1MSP","id":"x509::CN=Admin@org1..."},"proposedAt":"...",
 *  "approvals":[{"msp":"Org1MSP","id":"x509::...","at":"...","txId":"..."},{"msp":"Org2MSP",...}],
 *  "threshold":2,"executedAt":"..."}
 * }</pre>
 *
 * @param state {@value #PROPOSED} or {@value #EXECUTED}
 * @param approvals one per approving org, the proposer's org first
 * @param threshold the member orgs' majority when last voted on
 */
@JsonRootName("mint")
@JsonPropertyOrder({
    "id",
    "msp",
    "fabricId",
    "amount",
    "reason",
    "state",
    "proposer",
    "proposedAt",
    "approvals",
    "threshold",
    "executedAt"
})
public record MintProposal(
        @JsonProperty("id") String id,
        @JsonProperty("msp") String msp,
        @JsonProperty("fabricId") String fabricId,
        @JsonProperty("amount") long amount,
        @JsonProperty("reason") String reason,
        @JsonProperty("state") String state,
        @JsonProperty("proposer") Submitter proposer,
        @JsonProperty("proposedAt") String proposedAt,
        @JsonProperty("approvals") List<Approval> approvals,
        @JsonProperty("threshold") int threshold,
        @JsonProperty("executedAt") String executedAt) {
    public static final String PROPOSED = "PROPOSED";
    public static final String EXECUTED = "EXECUTED";

    public MintProposal {
        PovmException.requirePresent(id, "id", "the proposal id");
        PovmException.requirePresent(msp, "msp", "the MSP id of the account to credit");
        PovmException.requirePresent(fabricId, "fabricId", "the Fabric id of the account to credit");
        PovmException.requirePresent(state, "state", PROPOSED + " or " + EXECUTED);
        PovmException.requirePresent(proposer, "proposer", "the proposing admin");
        reason = reason == null ? "" : reason;
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    /** @return whether the credits were created */
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

    /** @return this proposal with one more approval, executed at {@code at} when {@code executes} */
    public MintProposal approved(final Approval approval, final int majority, final boolean executes) {
        final List<Approval> next = new ArrayList<>(approvals);
        next.add(approval);
        return new MintProposal(
                id,
                msp,
                fabricId,
                amount,
                reason,
                executes ? EXECUTED : PROPOSED,
                proposer,
                proposedAt,
                next,
                majority,
                executes ? approval.at() : null);
    }
}
