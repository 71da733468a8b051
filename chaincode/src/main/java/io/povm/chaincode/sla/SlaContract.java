// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.sla;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Quote;
import io.povm.api.SlaRef;
import io.povm.api.SlaSpec;
import io.povm.api.SlaState;
import io.povm.api.SlaTransactions;
import io.povm.api.SlaVotes;
import io.povm.chaincode.AccessPolicy;
import io.povm.chaincode.Caller;
import io.povm.chaincode.TransactionGuard;
import io.povm.chaincode.TxTime;
import io.povm.chaincode.job.PageSize;
import io.povm.chaincode.org.MemberLedger;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The {@value SlaTransactions#CONTRACT} contract: the SLA registry governed by a majority of the member orgs. Called
 * as {@code sla:Propose}, {@code sla:Approve}, ... Org admins of member orgs propose, approve and deprecate; anyone
 * may read. Errors reach the caller as {@code CODE [field] reason}.
 */
@Contract(
        name = SlaTransactions.CONTRACT,
        info =
                @Info(
                        title = "povm sla",
                        description = "Two-sided SLAs, versioned, activated and deprecated by a majority of orgs",
                        version = "0.1.0"))
public final class SlaContract implements ContractInterface {

    /**
     * Proposes an SLA; the proposer's org counts as its first approval. The identical proposal by the same org again
     * returns the stored SLA and writes nothing.
     *
     * @param slaJson an {@link SlaSpec} as JSON, at most 8 KiB
     * @return the stored {@link io.povm.api.Sla} as JSON
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Propose(final Context ctx, final String slaJson) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(
                SlaTransactions.PROPOSE,
                stub.getTxId(),
                () -> PovmJson.write(governance(ctx).propose(slaJson)));
    }

    /**
     * Approves an SLA for the caller's org. The approval that reaches the majority makes it ACTIVE.
     *
     * @param ref {@code name@version}
     * @return the {@link io.povm.api.SlaStatus} after the vote, as JSON
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Approve(final Context ctx, final String ref) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(
                SlaTransactions.APPROVE,
                stub.getTxId(),
                () -> PovmJson.write(governance(ctx).approve(ref)));
    }

    /**
     * Votes to deprecate an ACTIVE SLA for the caller's org. The vote that reaches the majority makes it DEPRECATED.
     *
     * @param ref {@code name@version}
     * @return the {@link io.povm.api.SlaStatus} after the vote, as JSON
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Deprecate(final Context ctx, final String ref) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(
                SlaTransactions.DEPRECATE,
                stub.getTxId(),
                () -> PovmJson.write(governance(ctx).deprecate(ref)));
    }

    /** @return the {@link io.povm.api.Sla} as JSON; NOT_FOUND [ref] when there is none */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(final Context ctx, final String ref) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(SlaTransactions.GET, stub.getTxId(), () -> {
            final SlaRef slaRef = SlaRef.parse(ref, "ref");
            return PovmJson.write(new SlaLedger(stub).find(slaRef).orElseThrow(() -> SlaGovernance.notFound(slaRef)));
        });
    }

    /**
     * @param state PROPOSED, ACTIVE or DEPRECATED; {@code ""} for every SLA
     * @param pageSize a decimal string from 1 to {@value SlaTransactions#MAX_PAGE_SIZE}
     * @param bookmark the previous page's bookmark; empty for the first page
     * @return an {@link io.povm.api.SlaPage} as JSON, in name and version order
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String List(final Context ctx, final String state, final String pageSize, final String bookmark) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(SlaTransactions.LIST, stub.getTxId(), () -> {
            final Optional<SlaState> filter = parseState(state);
            final int size = PageSize.parse(pageSize);
            return PovmJson.write(new SlaLedger(stub).page(filter, size, bookmark == null ? "" : bookmark));
        });
    }

    /**
     * @param ref {@code name@version}
     * @return the {@link SlaVotes} as JSON: every approval and deprecation vote, with the members and threshold
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListApprovals(final Context ctx, final String ref) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(SlaTransactions.LIST_APPROVALS, stub.getTxId(), () -> {
            final SlaRef slaRef = SlaRef.parse(ref, "ref");
            final SlaLedger slas = new SlaLedger(stub);
            final SlaState state = slas.find(slaRef)
                    .orElseThrow(() -> SlaGovernance.notFound(slaRef))
                    .state();
            return PovmJson.write(new SlaVotes(
                    slaRef,
                    state,
                    new MemberLedger(stub).require(),
                    slas.votes(VoteKind.APPROVAL, slaRef),
                    slas.votes(VoteKind.DEPRECATION, slaRef)));
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
                                SlaTransactions.PROPOSE,
                                SlaTransactions.APPROVE,
                                SlaTransactions.DEPRECATE,
                                SlaTransactions.GET,
                                SlaTransactions.LIST,
                                SlaTransactions.LIST_APPROVALS)));
    }

    private static SlaGovernance governance(final Context ctx) {
        final ChaincodeStub stub = ctx.getStub();
        final Caller caller = Caller.of(ctx.getClientIdentity());
        return new SlaGovernance(
                new SlaLedger(stub),
                new AccessPolicy(stub, caller),
                caller,
                TxTime.iso(stub.getTxTimestamp()),
                stub.getTxId());
    }

    private static Optional<SlaState> parseState(final String state) {
        if (state == null || state.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(SlaState.values())
                .filter(s -> s.name().equals(state))
                .findFirst()
                .map(Optional::of)
                .orElseThrow(() -> PovmException.invalid(
                        "state",
                        Quote.prefix(state) + " must be one of: "
                                + Arrays.stream(SlaState.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))
                                + ", or \"\" for every SLA"));
    }
}
