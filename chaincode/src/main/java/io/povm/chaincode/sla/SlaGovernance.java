// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.sla;

import io.povm.api.Members;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Sla;
import io.povm.api.SlaEvent;
import io.povm.api.SlaRef;
import io.povm.api.SlaSpec;
import io.povm.api.SlaSpecValidator;
import io.povm.api.SlaState;
import io.povm.api.SlaStatus;
import io.povm.api.SlaTransactions;
import io.povm.api.SlaVote;
import io.povm.chaincode.AccessPolicy;
import io.povm.chaincode.Caller;
import java.util.Objects;
import java.util.Set;

/**
 * The governance transactions of one caller: check who calls, read what the decision needs, let {@link
 * SlaProposal} or {@link SlaVoting} decide, write the keys that changed and set exactly one event. A rejected call
 * writes nothing: every check comes before the first write.
 */
final class SlaGovernance {
    private final SlaLedger slas;
    private final AccessPolicy access;
    private final Caller caller;
    private final String at;
    private final String txId;

    /**
     * @param at the transaction timestamp, ISO-8601 UTC
     * @param txId the transaction id
     */
    SlaGovernance(
            final SlaLedger slas, final AccessPolicy access, final Caller caller, final String at, final String txId) {
        this.slas = Objects.requireNonNull(slas, "slas");
        this.access = Objects.requireNonNull(access, "access");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.at = Objects.requireNonNull(at, "at");
        this.txId = Objects.requireNonNull(txId, "txId");
    }

    /** Creates a PROPOSED SLA that counts the proposer's org as its first approval; replays an identical one. */
    Sla propose(final String slaJson) {
        final Members members = access.requireMemberAdmin(SlaTransactions.PROPOSE);
        final SlaSpec spec =
                SlaSpecValidator.validate(PovmJson.read(SlaSpecValidator.checkSize(slaJson), SlaSpec.class));
        final SlaProposal.Decision decision =
                new SlaProposal(spec, caller.submitter(), at, txId).decide(slas.find(spec.ref()));
        if (!decision.created()) {
            return decision.sla();
        }
        final SlaVoting.Outcome outcome = new SlaVoting(members).approve(decision.sla(), Set.of(), caller.msp(), at);
        final Sla sla = outcome.sla();
        slas.create(sla);
        slas.putVote(VoteKind.APPROVAL, sla.ref(), vote());
        final SlaStatus status =
                new SlaStatus(sla.ref(), sla.state(), outcome.votes(), 0, members.threshold(), members.size());
        final String event =
                sla.state() == SlaState.ACTIVE ? SlaTransactions.ACTIVATED_EVENT : SlaTransactions.PROPOSED_EVENT;
        slas.emit(event, new SlaEvent(SlaEvent.Action.PROPOSE, caller.msp(), null, status, txId, at));
        return sla;
    }

    /** Records the caller's org's approval; the one that reaches the majority activates the SLA. */
    SlaStatus approve(final String ref) {
        return vote(VoteKind.APPROVAL, SlaTransactions.APPROVE, ref);
    }

    /** Records the caller's org's deprecation vote; the one that reaches the majority deprecates the SLA. */
    SlaStatus deprecate(final String ref) {
        return vote(VoteKind.DEPRECATION, SlaTransactions.DEPRECATE, ref);
    }

    private SlaStatus vote(final VoteKind kind, final String transaction, final String refText) {
        final Members members = access.requireMemberAdmin(transaction);
        final SlaRef ref = SlaRef.parse(refText, "ref");
        final Sla before = slas.find(ref).orElseThrow(() -> notFound(ref));
        final Set<String> approvers = slas.voters(VoteKind.APPROVAL, ref, members);
        final Set<String> deprecators = slas.voters(VoteKind.DEPRECATION, ref, members);
        final SlaVoting voting = new SlaVoting(members);
        final SlaVoting.Outcome outcome = kind == VoteKind.APPROVAL
                ? voting.approve(before, approvers, caller.msp(), at)
                : voting.deprecate(before, deprecators, caller.msp(), at);
        final Sla after = outcome.sla();
        final boolean changed = after.state() != before.state();
        if (outcome.recorded()) {
            slas.putVote(kind, ref, vote());
        }
        if (changed) {
            slas.transition(before.state(), after);
        }
        final SlaStatus status = new SlaStatus(
                ref,
                after.state(),
                kind == VoteKind.APPROVAL ? outcome.votes() : members.countMembers(approvers),
                kind == VoteKind.DEPRECATION ? outcome.votes() : members.countMembers(deprecators),
                members.threshold(),
                members.size());
        if (outcome.recorded() || changed) {
            slas.emit(
                    eventName(kind, changed),
                    new SlaEvent(action(kind), caller.msp(), before.state(), status, txId, at));
        }
        return status;
    }

    private SlaVote vote() {
        return new SlaVote(caller.msp(), caller.id(), at, txId);
    }

    static PovmException notFound(final SlaRef ref) {
        return PovmException.notFound(
                "ref", "SLA " + ref + " does not exist; list the SLAs with " + SlaTransactions.LIST);
    }

    private static SlaEvent.Action action(final VoteKind kind) {
        return kind == VoteKind.APPROVAL ? SlaEvent.Action.APPROVE : SlaEvent.Action.DEPRECATE;
    }

    private static String eventName(final VoteKind kind, final boolean changed) {
        if (kind == VoteKind.APPROVAL) {
            return changed ? SlaTransactions.ACTIVATED_EVENT : SlaTransactions.APPROVED_EVENT;
        }
        return changed ? SlaTransactions.DEPRECATED_EVENT : SlaTransactions.DEPRECATION_VOTED_EVENT;
    }
}
