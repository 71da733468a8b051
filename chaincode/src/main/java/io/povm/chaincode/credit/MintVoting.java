// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import io.povm.api.Approval;
import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.MintProposal;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Votes;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The mint rule, without Fabric: one approval per member org, the proposer's org first; the approval that reaches a
 * majority of the current member orgs ({@link Members#threshold()}) executes the mint. An org approving again gets
 * the proposal unchanged ({@link Votes}); a new approval of an executed mint is refused: credits are created once.
 */
public final class MintVoting {
    private final Members members;

    public MintVoting(final Members members) {
        this.members = Objects.requireNonNull(members, "members");
    }

    /**
     * @return the proposal with the approval added, EXECUTED when it reaches the majority; the same proposal when
     *     the org approved it already (a replay: nothing to write)
     * @throws PovmException INVALID_STATE [id] when the mint executed already without this org's approval
     */
    public MintProposal approve(final MintProposal proposal, final Approval approval) {
        final Optional<MintProposal> replay = Votes.replay(proposal, proposal.approvingOrgs(), approval.msp());
        if (replay.isPresent()) {
            return replay.get();
        }
        if (proposal.executed()) {
            throw invalidState(proposal, "executed already at " + proposal.executedAt() + "; credits are minted once");
        }
        final Set<String> orgs =
                proposal.approvals().stream().map(Approval::msp).collect(Collectors.toCollection(TreeSet::new));
        orgs.add(approval.msp());
        final boolean executes = members.countMembers(orgs) >= members.threshold();
        return proposal.approved(approval, members.threshold(), executes);
    }

    private static PovmException invalidState(final MintProposal proposal, final String why) {
        return new PovmException(new PovmError(ErrorCode.INVALID_STATE, "id", "mint " + proposal.id() + " " + why));
    }
}
