// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/**
 * Names of the {@value #CONTRACT} contract, the credit ledger (see {@code docs/consensus.md}, "Credits"): its
 * transactions, called by their qualified names, e.g. {@code credit:Balance}, their events and limits.
 *
 * <pre>{@code
 * CreditAccount mine = PovmJson.read(chaincode.evaluate(CreditTransactions.BALANCE, "", ""), CreditAccount.class);
 * }</pre>
 */
public final class CreditTransactions {
    /** The contract name inside the chaincode. */
    public static final String CONTRACT = "credit";

    /**
     * {@code credit:ProposeMint(id, msp, fabricId, amount, reason)} → the {@link MintProposal}. Org admin of a member
     * org; counts as its org's approval.
     */
    public static final String PROPOSE_MINT = CONTRACT + ":ProposeMint";

    /** {@code credit:ApproveMint(id)} → the {@link MintProposal} after the approval. Org admin of a member org. */
    public static final String APPROVE_MINT = CONTRACT + ":ApproveMint";

    /** {@code credit:GetMint(id)} → the {@link MintProposal}. */
    public static final String GET_MINT = CONTRACT + ":GetMint";

    /** {@code credit:Balance(msp, fabricId)} → the {@link CreditAccount}; both {@code ""} for the caller's. */
    public static final String BALANCE = CONTRACT + ":Balance";

    /** {@code credit:Transfer(msp, fabricId, amount)} → the caller's {@link CreditAccount} after the transfer. */
    public static final String TRANSFER = CONTRACT + ":Transfer";

    /** {@code credit:History(msp, fabricId)} → the account's {@link CreditHistory}; both {@code ""}: the caller's. */
    public static final String HISTORY = CONTRACT + ":History";

    /** {@code credit:Supply()} → the {@link CreditSupply}. */
    public static final String SUPPLY = CONTRACT + ":Supply";

    /** {@code credit:Audit()} → the {@link CreditAudit}. */
    public static final String AUDIT = CONTRACT + ":Audit";

    /** {@code credit:GetEscrow(jobId)} → the job's escrow {@link CreditHold}. */
    public static final String GET_ESCROW = CONTRACT + ":GetEscrow";

    /** {@code credit:GetSettlement(jobId)} → the job's {@link Settlement}. */
    public static final String GET_SETTLEMENT = CONTRACT + ":GetSettlement";

    /**
     * {@code credit:Split(count, amount)} → the {@link CreditLots} made: {@code count} lots of {@code amount} each,
     * debited once from the caller's account. Lots let one identity's concurrent submissions escrow without
     * conflicting ({@code SubmitJobs}).
     */
    public static final String SPLIT = CONTRACT + ":Split";

    /** {@code credit:Lots(msp, fabricId)} → the identity's {@link CreditLots}; both {@code ""} for the caller's. */
    public static final String LOTS = CONTRACT + ":Lots";

    /** A mint was proposed; payload: the {@link MintProposal}. */
    public static final String MINT_PROPOSED_EVENT = "MintProposed";

    /** An org approved a mint without reaching the majority; payload: the {@link MintProposal}. */
    public static final String MINT_APPROVED_EVENT = "MintApproved";

    /** The approval that reached the majority: the credits exist; payload: the {@link MintProposal}. */
    public static final String MINT_EXECUTED_EVENT = "MintExecuted";

    /** Credits moved between accounts; payload: the sender's {@link CreditAccount} after it. */
    public static final String TRANSFERRED_EVENT = "CreditTransferred";

    /** Credits split into lots; payload: the {@link CreditLots} made. */
    public static final String SPLIT_EVENT = "CreditSplit";

    /** The most lots one {@code credit:Split} makes. */
    public static final int MAX_SPLIT = 500;

    /** The largest amount one mint may create: 10^12 credits. */
    public static final long MAX_MINT = 1_000_000_000_000L;

    /** The longest mint reason, in chars, on one line. */
    public static final int MAX_REASON_CHARS = 200;

    private CreditTransactions() {}
}
