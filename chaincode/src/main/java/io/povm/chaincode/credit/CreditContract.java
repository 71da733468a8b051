// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import io.povm.api.CreditAccount;
import io.povm.api.CreditLots;
import io.povm.api.CreditTransactions;
import io.povm.api.ErrorCode;
import io.povm.api.JobSpecValidator;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Submitter;
import io.povm.chaincode.Caller;
import io.povm.chaincode.TransactionGuard;
import io.povm.chaincode.TxTime;
import io.povm.chaincode.org.MemberLedger;
import java.util.List;
import java.util.function.Supplier;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The {@value CreditTransactions#CONTRACT} contract: accounts, governed mints, transfers and the read side of
 * escrows and settlements (which the job transactions write through {@link JobFunds}). Called as {@code
 * credit:Balance}, {@code credit:ProposeMint}, ... Errors reach the caller as {@code CODE [field] reason}.
 */
@Contract(
        name = CreditTransactions.CONTRACT,
        info =
                @Info(
                        title = "povm credit",
                        description = "Credits: accounts, governed mints, job escrow and settlement",
                        version = "0.1.0"))
public final class CreditContract implements ContractInterface {

    /**
     * Proposes a mint; the proposer's org counts as its first approval. Org admin of a member org.
     *
     * @param amount a decimal whole number from 1 to {@value CreditTransactions#MAX_MINT}
     * @return the {@link io.povm.api.MintProposal} as JSON: EXECUTED at once in a one-org network
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ProposeMint(
            final Context ctx,
            final String id,
            final String msp,
            final String fabricId,
            final String amount,
            final String reason) {
        return run(ctx, CreditTransactions.PROPOSE_MINT, () -> mints(ctx).propose(id, msp, fabricId, amount, reason));
    }

    /** @return the {@link io.povm.api.MintProposal} after the caller's org approved it, EXECUTED at the majority */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ApproveMint(final Context ctx, final String id) {
        return run(ctx, CreditTransactions.APPROVE_MINT, () -> mints(ctx).approve(id));
    }

    /** @return the {@link io.povm.api.MintProposal}; NOT_FOUND [id] when there is none */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetMint(final Context ctx, final String id) {
        return run(ctx, CreditTransactions.GET_MINT, () -> {
            final String mintId = CreditArgs.mintId(id);
            return new CreditLedger(ctx.getStub()).mint(mintId).orElseThrow(() -> MintGovernance.notFound(mintId));
        });
    }

    /** @return the {@link CreditAccount}; both arguments {@code ""} for the caller's own */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Balance(final Context ctx, final String msp, final String fabricId) {
        return run(ctx, CreditTransactions.BALANCE, () -> {
            final Submitter owner =
                    CreditArgs.accountOrCaller(msp, fabricId, caller(ctx).submitter());
            return new CreditLedger(ctx.getStub()).account(owner.msp(), owner.id());
        });
    }

    /**
     * Moves credits from the caller's account to another identity's. The destination must be an identity someone can
     * spend from: an org that is a member ({@code org:GetMembers}) and a well-formed Fabric id, {@code
     * x509::<subject>::<issuer>}, without leading or trailing whitespace or control characters (a look-alike of a
     * real id receives nothing). It need not have transacted before: a new customer is funded this way.
     *
     * @param amount a decimal whole number from 1 to 10^15
     * @return the caller's {@link CreditAccount} after the transfer, also the event's payload
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Transfer(final Context ctx, final String msp, final String fabricId, final String amount) {
        return run(ctx, CreditTransactions.TRANSFER, () -> {
            final ChaincodeStub stub = ctx.getStub();
            final Submitter from = caller(ctx).submitter();
            final Submitter to = CreditArgs.memberAccount(new MemberLedger(stub).require(), msp, fabricId);
            final long credits = CreditArgs.amount(amount, CreditArgs.MAX_TRANSFER);
            if (to.equals(from)) {
                throw PovmException.invalid("fabricId", "names your own account; transfer to another identity");
            }
            final CreditLedger ledger = new CreditLedger(stub);
            final Movements movements = new Movements(ledger);
            movements.debit(from.msp(), from.id(), credits, "the transfer to " + to.msp() + "/" + to.id());
            movements.credit(to.msp(), to.id(), credits);
            final List<CreditAccount> written = movements.write(
                    TxTime.iso(stub.getTxTimestamp()),
                    "transfer of " + credits + " from " + from.msp() + "/" + from.id() + " to " + to.msp() + "/"
                            + to.id());
            final CreditAccount sender = written.stream()
                    .filter(account -> account.msp().equals(from.msp())
                            && account.fabricId().equals(from.id()))
                    .findFirst()
                    .orElseThrow();
            stub.setEvent(CreditTransactions.TRANSFERRED_EVENT, PovmJson.writeBytes(sender));
            return sender;
        });
    }

    /**
     * Splits the caller's credits into lots: {@code count x amount} leaves its account in one debit and becomes
     * {@code count} lots of {@code amount}, {@code <txId>.0} to {@code <txId>.<count-1>}. Each lot can fund one
     * {@code SubmitJobs} without conflicting with the caller's other submissions (see {@link LotMovements}).
     *
     * @param count a decimal whole number from 1 to {@value CreditTransactions#MAX_SPLIT}
     * @param amount each lot's credits, a decimal whole number from 1 to 10^15
     * @return the {@link io.povm.api.CreditLots} made, also the event's payload
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Split(final Context ctx, final String count, final String amount) {
        return run(ctx, CreditTransactions.SPLIT, () -> {
            final ChaincodeStub stub = ctx.getStub();
            final int lots = CreditArgs.count(count);
            final long credits = CreditArgs.amount(amount, CreditArgs.MAX_TRANSFER);
            final Submitter owner = caller(ctx).submitter();
            final CreditLots made = new LotMovements(
                            new CreditLedger(stub), TxTime.iso(stub.getTxTimestamp()), stub.getTxId())
                    .split(owner, lots, credits);
            stub.setEvent(CreditTransactions.SPLIT_EVENT, PovmJson.writeBytes(made));
            return made;
        });
    }

    /**
     * @return the identity's {@link io.povm.api.CreditLots} in key order; both arguments {@code ""} for the caller's.
     *     A range read: its answer is the peer's state when asked, and a submission must not depend on it.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Lots(final Context ctx, final String msp, final String fabricId) {
        return run(ctx, CreditTransactions.LOTS, () -> {
            final Submitter owner =
                    CreditArgs.accountOrCaller(msp, fabricId, caller(ctx).submitter());
            return new CreditLedger(ctx.getStub()).lots(owner.msp(), owner.id());
        });
    }

    /** @return the account's {@link io.povm.api.CreditHistory}, newest first; both {@code ""} for the caller's */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String History(final Context ctx, final String msp, final String fabricId) {
        return run(ctx, CreditTransactions.HISTORY, () -> {
            final Submitter owner =
                    CreditArgs.accountOrCaller(msp, fabricId, caller(ctx).submitter());
            return new CreditLedger(ctx.getStub()).history(owner.msp(), owner.id());
        });
    }

    /** @return the {@link io.povm.api.CreditSupply}: every credit minted */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Supply(final Context ctx) {
        return run(ctx, CreditTransactions.SUPPLY, () -> new CreditLedger(ctx.getStub()).supply());
    }

    /** @return the {@link io.povm.api.CreditAudit}: range-scan sums of balances, escrows and deposits, and supply */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Audit(final Context ctx) {
        return run(ctx, CreditTransactions.AUDIT, () -> new CreditLedger(ctx.getStub()).audit());
    }

    /** @return the job's escrow {@link io.povm.api.CreditHold}; NOT_FOUND when it holds none (any more) */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetEscrow(final Context ctx, final String jobId) {
        return run(ctx, CreditTransactions.GET_ESCROW, () -> {
            final String id = JobSpecValidator.validateId(jobId);
            return new CreditLedger(ctx.getStub())
                    .escrow(id)
                    .orElseThrow(() -> PovmException.notFound(
                            "jobId",
                            "job " + id + " holds no escrow: it does not exist, its SLA's price is 0, or it settled"
                                    + " (see " + CreditTransactions.GET_SETTLEMENT + ")"));
        });
    }

    /** @return the job's {@link io.povm.api.Settlement}; NOT_FOUND while the job has not settled */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetSettlement(final Context ctx, final String jobId) {
        return run(ctx, CreditTransactions.GET_SETTLEMENT, () -> {
            final String id = JobSpecValidator.validateId(jobId);
            return new CreditLedger(ctx.getStub())
                    .settlement(id)
                    .orElseThrow(() -> PovmException.notFound(
                            "jobId",
                            "job " + id
                                    + " has not settled: jobs settle when FINALIZED, CANCELLED, EXPIRED or FAILED"));
        });
    }

    /** Reports an unknown transaction name in the povm error format. */
    @Override
    public void unknownTransaction(final Context ctx) {
        throw TransactionGuard.toChaincodeException(new PovmError(
                ErrorCode.INVALID_ARGUMENT,
                "function",
                "unknown transaction; accepted: "
                        + String.join(
                                ", ",
                                CreditTransactions.PROPOSE_MINT,
                                CreditTransactions.APPROVE_MINT,
                                CreditTransactions.GET_MINT,
                                CreditTransactions.BALANCE,
                                CreditTransactions.TRANSFER,
                                CreditTransactions.SPLIT,
                                CreditTransactions.LOTS,
                                CreditTransactions.HISTORY,
                                CreditTransactions.SUPPLY,
                                CreditTransactions.AUDIT,
                                CreditTransactions.GET_ESCROW,
                                CreditTransactions.GET_SETTLEMENT)));
    }

    private static String run(final Context ctx, final String transaction, final Supplier<Object> body) {
        return TransactionGuard.run(transaction, ctx.getStub().getTxId(), () -> PovmJson.write(body.get()));
    }

    private static Caller caller(final Context ctx) {
        return Caller.of(ctx.getClientIdentity());
    }

    private static MintGovernance mints(final Context ctx) {
        final ChaincodeStub stub = ctx.getStub();
        return new MintGovernance(stub, caller(ctx), TxTime.iso(stub.getTxTimestamp()));
    }
}
