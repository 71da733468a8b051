// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.org;

import io.povm.api.Approval;
import io.povm.api.ErrorCode;
import io.povm.api.MemberProposal;
import io.povm.api.Members;
import io.povm.api.OrgTransactions;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Submitter;
import io.povm.api.Votes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule for adding a member org, without Fabric: an admin of a member org proposes an MSP id (its org's approval
 * comes first), admins of other member orgs approve, one approval per org; the approval that reaches a majority of
 * the current members ({@link Members#threshold()}) adds the org. Members are only ever added this way, never removed.
 *
 * <pre>{@code
 * MemberAdmission admission = new MemberAdmission(members);
 * MemberProposal after = admission.approve(stored, approval);
 * if (after.executed()) ledger.replace(admission.admitted(after));
 * }</pre>
 */
public final class MemberAdmission {
    /** The field named in errors. */
    public static final String FIELD = "mspId";

    private final Members members;

    public MemberAdmission(final Members members) {
        this.members = Objects.requireNonNull(members, "members");
    }

    /**
     * @return the MSP id, checked as a member list entry is
     * @throws PovmException INVALID_ARGUMENT [mspId] when it is not 1 to 64 of {@code A-Z a-z 0-9 . -}
     */
    public static String checkMspId(final String mspId) {
        PovmException.requirePresent(mspId, FIELD, "an MSP id, e.g. Org4MSP");
        try {
            return Members.checkMspIds(List.of(mspId), FIELD).get(0);
        } catch (PovmException e) {
            throw PovmException.invalid(FIELD, e.error().reason());
        }
    }

    /**
     * Opens a proposal to add {@code msp}; the same org proposing it again gets the stored proposal back.
     *
     * @param stored the proposal for {@code msp} already on the ledger, if any
     * @return the proposal, and whether it is new and must be written
     * @throws PovmException INVALID_STATE [mspId] when {@code msp} is a member already; DUPLICATE_ID [mspId] when
     *     another org's proposal for it is open
     */
    public Decision propose(
            final String msp,
            final Submitter proposer,
            final Approval approval,
            final Optional<MemberProposal> stored) {
        requireNotMember(msp);
        if (stored.isPresent()) {
            final MemberProposal open = stored.get();
            if (open.proposer().msp().equals(proposer.msp())) {
                return new Decision(open, false);
            }
            throw PovmException.duplicate(
                    FIELD,
                    "a proposal to add " + msp + " is open (proposed by "
                            + open.proposer().msp() + ", approved by "
                            + String.join(", ", open.approvingOrgs()) + "); approve it with "
                            + OrgTransactions.APPROVE_MEMBER);
        }
        return new Decision(MemberProposal.open(msp, proposer, approval, members.threshold()), true);
    }

    /**
     * Adds one member org's approval.
     *
     * @return the proposal with the approval, EXECUTED when it reaches the majority; the same proposal when this org
     *     approved it already (a replay, see {@link Votes}: nothing to write)
     * @throws PovmException INVALID_STATE [mspId] when the org is a member already and this org had not approved
     */
    public MemberProposal approve(final MemberProposal proposal, final Approval approval) {
        final Optional<MemberProposal> replay = Votes.replay(proposal, proposal.approvingOrgs(), approval.msp());
        if (replay.isPresent()) {
            return replay.get();
        }
        requireNotMember(proposal.msp());
        final List<String> orgs = new ArrayList<>(proposal.approvingOrgs());
        orgs.add(approval.msp());
        return proposal.approved(approval, members.threshold(), members.countMembers(orgs) >= members.threshold());
    }

    /** @return the members with the proposal's org added; the proposal must be executed */
    public Members admitted(final MemberProposal executed) {
        if (!executed.executed()) {
            throw new IllegalArgumentException("proposal for " + executed.msp() + " is not executed");
        }
        return members.withMember(executed.msp());
    }

    private void requireNotMember(final String msp) {
        if (members.contains(msp)) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    FIELD,
                    msp + " is a member already (members: " + String.join(", ", members.msps()) + ")"));
        }
    }

    /** The proposal to return, and whether it is new. */
    public record Decision(MemberProposal proposal, boolean created) {}
}
