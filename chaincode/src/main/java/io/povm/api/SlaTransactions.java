// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/**
 * Names of the {@value #CONTRACT} contract, the SLA registry with multi-org governance: its transactions (called by
 * their qualified names, e.g. {@code sla:Propose}) and its events.
 *
 * <pre>{@code
 * Sla proposed = PovmJson.read(chaincode.submit(SlaTransactions.PROPOSE, PovmJson.write(spec)), Sla.class);
 * SlaStatus status = PovmJson.read(chaincode.submit(SlaTransactions.APPROVE, "standard@1"), SlaStatus.class);
 * }</pre>
 *
 * <p>Every transaction that changes the ledger sets exactly one event whose payload is an {@link SlaEvent}; the
 * event's name says what happened, and a state change wins over the vote that caused it.
 */
public final class SlaTransactions {
    /** The contract name inside the chaincode. */
    public static final String CONTRACT = "sla";

    /** {@code sla:Propose(slaJson)} → the stored {@link Sla}. Org admin of a member org. */
    public static final String PROPOSE = CONTRACT + ":Propose";

    /** {@code sla:Approve(ref)} → the {@link SlaStatus} after the vote. Org admin of a member org. */
    public static final String APPROVE = CONTRACT + ":Approve";

    /** {@code sla:Deprecate(ref)} → the {@link SlaStatus} after the vote. Org admin of a member org. */
    public static final String DEPRECATE = CONTRACT + ":Deprecate";

    /** {@code sla:Get(ref)} → the {@link Sla}. */
    public static final String GET = CONTRACT + ":Get";

    /** {@code sla:List(state, pageSize, bookmark)} → an {@link SlaPage}; state {@code ""} lists every SLA. */
    public static final String LIST = CONTRACT + ":List";

    /** {@code sla:ListApprovals(ref)} → the {@link SlaVotes}: approvals and deprecation votes. */
    public static final String LIST_APPROVALS = CONTRACT + ":ListApprovals";

    /** A new SLA was proposed (and counts its proposer's approval). */
    public static final String PROPOSED_EVENT = "SlaProposed";

    /** An org approved a PROPOSED or ACTIVE SLA without changing its state. */
    public static final String APPROVED_EVENT = "SlaApproved";

    /** The approval (or, in a single-org network, the proposal) that reached the majority: the SLA is ACTIVE. */
    public static final String ACTIVATED_EVENT = "SlaActivated";

    /** An org voted to deprecate an ACTIVE SLA; the majority is not reached yet. */
    public static final String DEPRECATION_VOTED_EVENT = "SlaDeprecationVoted";

    /** The deprecation vote that reached the majority: the SLA is DEPRECATED. */
    public static final String DEPRECATED_EVENT = "SlaDeprecated";

    /** Largest page size {@code sla:List} accepts. */
    public static final int MAX_PAGE_SIZE = PovmTransactions.MAX_PAGE_SIZE;

    private SlaTransactions() {}
}
