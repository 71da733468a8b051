// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.sla;

import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Sla;
import io.povm.api.SlaState;
import io.povm.api.Votes;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The governance rule, without Fabric: one vote per member org, and a majority ({@link Members#threshold()}) of
 * member orgs' votes moves the SLA one state on, in the transaction of the vote that reaches it.
 *
 * <ul>
 *   <li>Approval: PROPOSED or ACTIVE SLAs; the vote that reaches the majority of a PROPOSED SLA makes it ACTIVE.
 *       Approving a DEPRECATED SLA is refused.
 *   <li>Deprecation: ACTIVE SLAs only; the vote that reaches the majority makes it DEPRECATED.
 *   <li>Voting again, in any state, is a replay ({@link Votes}): nothing is recorded and nothing changes.
 * </ul>
 *
 * Only votes of current member orgs count.
 */
public final class SlaVoting {
    private final Members members;

    public SlaVoting(final Members members) {
        this.members = Objects.requireNonNull(members, "members");
    }

    /**
     * @param approvers the member orgs that already approved
     * @param voter the approving org's MSP id
     * @param at the transaction timestamp, the activation time if it activates
     * @throws PovmException INVALID_STATE [ref] when the SLA is DEPRECATED and the voter has not approved it
     */
    public Outcome approve(final Sla sla, final Set<String> approvers, final String voter, final String at) {
        final int votes = count(approvers, voter);
        final Optional<Sla> replay = Votes.replay(sla, approvers, voter);
        if (replay.isPresent()) {
            return new Outcome(replay.get(), false, votes);
        }
        if (sla.state() == SlaState.DEPRECATED) {
            throw invalidState(sla, "only a PROPOSED or ACTIVE SLA can be approved");
        }
        final boolean activates = sla.state() == SlaState.PROPOSED && votes >= members.threshold();
        return new Outcome(activates ? sla.activated(at) : sla, true, votes);
    }

    /**
     * @param deprecators the member orgs that already voted to deprecate
     * @param voter the voting org's MSP id
     * @param at the transaction timestamp, the deprecation time if it deprecates
     * @throws PovmException INVALID_STATE [ref] when the SLA is PROPOSED, or DEPRECATED without the voter's vote
     */
    public Outcome deprecate(final Sla sla, final Set<String> deprecators, final String voter, final String at) {
        final int votes = count(deprecators, voter);
        final Optional<Sla> replay = Votes.replay(sla, deprecators, voter);
        if (replay.isPresent()) {
            return new Outcome(replay.get(), false, votes);
        }
        if (sla.state() == SlaState.PROPOSED) {
            throw invalidState(sla, "only an ACTIVE SLA can be deprecated; a PROPOSED one never took effect");
        }
        if (sla.state() == SlaState.DEPRECATED) {
            throw invalidState(
                    sla, "it is deprecated already (since " + sla.deprecatedAt().orElse("?") + ")");
        }
        final boolean deprecates = sla.state() == SlaState.ACTIVE && votes >= members.threshold();
        return new Outcome(deprecates ? sla.deprecated(at) : sla, true, votes);
    }

    private int count(final Set<String> voters, final String voter) {
        final Set<String> all = new TreeSet<>(voters);
        all.add(voter);
        return members.countMembers(all);
    }

    private static PovmException invalidState(final Sla sla, final String rule) {
        return new PovmException(
                new PovmError(ErrorCode.INVALID_STATE, "ref", "SLA " + sla.ref() + " is " + sla.state() + "; " + rule));
    }

    /** The SLA after the vote, whether the vote is new and must be written, and the member votes counted. */
    public static final class Outcome {
        private final Sla sla;
        private final boolean recorded;
        private final int votes;

        private Outcome(final Sla sla, final boolean recorded, final int votes) {
            this.sla = sla;
            this.recorded = recorded;
            this.votes = votes;
        }

        /** @return the SLA after the vote: a new state when the vote reached the majority */
        public Sla sla() {
            return sla;
        }

        /** @return true for a new vote; false when the org had voted already (nothing to write) */
        public boolean recorded() {
            return recorded;
        }

        /** @return the votes of this kind by member orgs, the voter's included */
        public int votes() {
            return votes;
        }
    }
}
