// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import io.povm.api.Approval;
import io.povm.api.CreditSupply;
import io.povm.api.CreditTransactions;
import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.MintProposal;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Submitter;
import io.povm.chaincode.AccessPolicy;
import io.povm.chaincode.Caller;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The mint transactions of one caller: check the caller and the arguments, let {@link MintVoting} decide, and, when
 * the mint executes, credit the account and grow the supply in the same transaction. A refused call writes nothing.
 */
final class MintGovernance {
    private final ChaincodeStub stub;
    private final CreditLedger ledger;
    private final Caller caller;
    private final String at;

    MintGovernance(final ChaincodeStub stub, final Caller caller, final String at) {
        this.stub = Objects.requireNonNull(stub, "stub");
        this.ledger = new CreditLedger(stub);
        this.caller = Objects.requireNonNull(caller, "caller");
        this.at = Objects.requireNonNull(at, "at");
    }

    /**
     * Creates a mint proposal that counts the proposer's org as its first approval; the identical proposal again by
     * the same org returns the stored one and writes nothing.
     *
     * @throws PovmException DUPLICATE_ID [id] when the id holds another proposal
     */
    MintProposal propose(
            final String id, final String msp, final String fabricId, final String amount, final String reason) {
        final Members members = new AccessPolicy(stub, caller).requireMemberAdmin(CreditTransactions.PROPOSE_MINT);
        final String mintId = CreditArgs.mintId(id);
        final Submitter account = CreditArgs.memberAccount(members, msp, fabricId);
        final long credits = CreditArgs.amount(amount, CreditTransactions.MAX_MINT);
        final String why = CreditArgs.reason(reason);
        final var existing = ledger.mint(mintId);
        if (existing.isPresent()) {
            final MintProposal stored = existing.get();
            if (stored.msp().equals(account.msp())
                    && stored.fabricId().equals(account.id())
                    && stored.amount() == credits
                    && stored.reason().equals(why)
                    && stored.proposer().msp().equals(caller.msp())) {
                return stored;
            }
            throw PovmException.duplicate(
                    "id",
                    "mint " + mintId + " exists with other terms (proposed by "
                            + stored.proposer().msp() + "); choose another id, or approve it with "
                            + CreditTransactions.APPROVE_MINT);
        }
        final MintProposal fresh = new MintProposal(
                mintId,
                account.msp(),
                account.id(),
                credits,
                why,
                MintProposal.PROPOSED,
                caller.submitter(),
                at,
                List.of(),
                members.threshold(),
                null);
        return record(new MintVoting(members).approve(fresh, approval()), CreditTransactions.MINT_PROPOSED_EVENT);
    }

    /**
     * Adds the caller's org's approval; the one that reaches the majority executes the mint. The org approving again
     * gets the proposal as stored, and nothing is written.
     *
     * @throws PovmException NOT_FOUND [id]; INVALID_STATE [id] when executed already without the org's approval
     */
    MintProposal approve(final String id) {
        final Members members = new AccessPolicy(stub, caller).requireMemberAdmin(CreditTransactions.APPROVE_MINT);
        final String mintId = CreditArgs.mintId(id);
        final MintProposal before = ledger.mint(mintId).orElseThrow(() -> notFound(mintId));
        final MintProposal after = new MintVoting(members).approve(before, approval());
        return after.equals(before) ? before : record(after, CreditTransactions.MINT_APPROVED_EVENT);
    }

    private MintProposal record(final MintProposal after, final String event) {
        if (after.executed()) {
            final CreditSupply supply;
            try {
                supply = ledger.supply().plus(after.amount(), at, after.id());
            } catch (ArithmeticException e) {
                throw new PovmException(new PovmError(
                        ErrorCode.INVALID_STATE, "amount", "the supply cannot grow by " + after.amount() + " more"));
            }
            final Movements movements = new Movements(ledger);
            movements.credit(after.msp(), after.fabricId(), after.amount());
            movements.write(at, "mint " + after.id());
            ledger.put(supply);
        }
        ledger.put(after);
        stub.setEvent(after.executed() ? CreditTransactions.MINT_EXECUTED_EVENT : event, PovmJson.writeBytes(after));
        return after;
    }

    private Approval approval() {
        return new Approval(caller.msp(), caller.id(), at, stub.getTxId());
    }

    static PovmException notFound(final String id) {
        return PovmException.notFound(
                "id", "mint " + id + " does not exist; propose it with " + CreditTransactions.PROPOSE_MINT);
    }
}
