// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.org;

import io.povm.api.Approval;
import io.povm.api.ErrorCode;
import io.povm.api.MemberProposal;
import io.povm.api.Members;
import io.povm.api.MspIdList;
import io.povm.api.OperatorList;
import io.povm.api.OrgTransactions;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.chaincode.AccessPolicy;
import io.povm.chaincode.Caller;
import io.povm.chaincode.TransactionGuard;
import io.povm.chaincode.TxTime;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The {@value OrgTransactions#CONTRACT} contract: the member orgs of the network, whose majority governs SLAs, mints
 * and deadlines. Called as {@code org:Bootstrap}, {@code org:GetMembers}, and {@code org:ProposeMember}, {@code
 * org:ApproveMember}, {@code org:GetMemberProposal} to add an org by a majority vote (see {@link MemberAdmission}).
 */
@Contract(
        name = OrgTransactions.CONTRACT,
        info =
                @Info(
                        title = "povm org",
                        description = "The member organizations whose majority governs the network",
                        version = "0.1.0"))
public final class OrgContract implements ContractInterface {

    /**
     * Sets the member orgs, once. An identical second call returns the stored members and writes nothing.
     *
     * @param mspIdsJson a JSON array of 1 to 32 distinct MSP ids that includes the caller's own
     * @return the stored {@link Members} as JSON; on creation the {@value OrgTransactions#MEMBERS_BOOTSTRAPPED_EVENT}
     *     event carries the same bytes
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Bootstrap(final Context ctx, final String mspIdsJson) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(OrgTransactions.BOOTSTRAP, stub.getTxId(), () -> {
            final Caller caller = Caller.of(ctx.getClientIdentity());
            caller.requireAdmin(OrgTransactions.BOOTSTRAP);
            final MspIdList mspIds = MspIdList.parse(mspIdsJson);
            final MemberLedger ledger = new MemberLedger(stub);
            final MembersBootstrap.Decision decision = new MembersBootstrap(
                            mspIds, caller.submitter(), TxTime.iso(stub.getTxTimestamp()), stub.getTxId())
                    .decide(ledger.find());
            if (decision.created()) {
                ledger.create(decision.members());
            }
            return PovmJson.write(decision.members());
        });
    }

    /** @return the {@link Members} as JSON; NOT_FOUND [members] before the bootstrap */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetMembers(final Context ctx) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(OrgTransactions.GET_MEMBERS, stub.getTxId(), () -> {
            final Members members = new MemberLedger(stub)
                    .find()
                    .orElseThrow(() -> PovmException.notFound(
                            "members",
                            "the member orgs are not set yet; an org admin runs " + OrgTransactions.BOOTSTRAP
                                    + " once after the chaincode is deployed"));
            return PovmJson.write(members);
        });
    }

    /**
     * Proposes adding an org to the members; the proposer's org is its first approval (in a one-member network that
     * adds it at once). The same org proposing it again gets the stored proposal and writes nothing.
     *
     * @param mspId the MSP id of the org to add, as the channel configuration names it
     * @return the {@link io.povm.api.MemberProposal} as JSON; event {@value OrgTransactions#MEMBER_PROPOSED_EVENT}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ProposeMember(final Context ctx, final String mspId) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(OrgTransactions.PROPOSE_MEMBER, stub.getTxId(), () -> {
            final Caller caller = Caller.of(ctx.getClientIdentity());
            final MemberLedger ledger = new MemberLedger(stub);
            final Members members = new AccessPolicy(stub, caller).requireMemberAdmin(OrgTransactions.PROPOSE_MEMBER);
            final String msp = MemberAdmission.checkMspId(mspId);
            final MemberAdmission admission = new MemberAdmission(members);
            final MemberAdmission.Decision decision =
                    admission.propose(msp, caller.submitter(), approval(stub, caller), ledger.findProposal(msp));
            if (decision.created()) {
                record(ledger, admission, decision.proposal(), OrgTransactions.MEMBER_PROPOSED_EVENT);
            }
            return PovmJson.write(decision.proposal());
        });
    }

    /**
     * Adds the caller's org's approval to adding an org; the approval that reaches a majority of the members adds it.
     * The same org approving again gets the proposal as stored, and nothing is written.
     *
     * @return the {@link io.povm.api.MemberProposal} as JSON; event {@value OrgTransactions#MEMBER_APPROVED_EVENT},
     *     or {@value OrgTransactions#MEMBER_ADDED_EVENT} with the new members when it adds the org
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ApproveMember(final Context ctx, final String mspId) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(OrgTransactions.APPROVE_MEMBER, stub.getTxId(), () -> {
            final Caller caller = Caller.of(ctx.getClientIdentity());
            final MemberLedger ledger = new MemberLedger(stub);
            final Members members = new AccessPolicy(stub, caller).requireMemberAdmin(OrgTransactions.APPROVE_MEMBER);
            final String msp = MemberAdmission.checkMspId(mspId);
            final MemberAdmission admission = new MemberAdmission(members);
            final MemberProposal before = ledger.findProposal(msp).orElseThrow(() -> noProposal(msp));
            final MemberProposal after = admission.approve(before, approval(stub, caller));
            if (!after.equals(before)) {
                record(ledger, admission, after, OrgTransactions.MEMBER_APPROVED_EVENT);
            }
            return PovmJson.write(after);
        });
    }

    /** @return the {@link io.povm.api.MemberProposal} for {@code mspId} as JSON; NOT_FOUND [mspId] when none */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetMemberProposal(final Context ctx, final String mspId) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(OrgTransactions.GET_MEMBER_PROPOSAL, stub.getTxId(), () -> {
            final String msp = MemberAdmission.checkMspId(mspId);
            return PovmJson.write(new MemberLedger(stub).findProposal(msp).orElseThrow(() -> noProposal(msp)));
        });
    }

    /**
     * An org admin registers a client identity of its own org as the org's operator: it may then tick the clock and
     * post the org's beacon pieces. The same identity again returns the stored record and writes nothing.
     *
     * @param certificatePem the identity's X.509 certificate, PEM
     * @return the stored {@link io.povm.api.Operator} as JSON; on creation the {@value
     *     OrgTransactions#OPERATOR_REGISTERED_EVENT} event carries it
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterOperator(final Context ctx, final String certificatePem) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(OrgTransactions.REGISTER_OPERATOR, stub.getTxId(), () -> {
            final OperatorRegistry registry = OperatorRegistry.of(ctx, OrgTransactions.REGISTER_OPERATOR);
            return PovmJson.write(registry.register(certificatePem));
        });
    }

    /**
     * The operator's org admin removes it; from the next transaction on, the identity's ticks and beacon pieces are
     * refused.
     *
     * @param certificatePem the identity's X.509 certificate, PEM
     * @return the removed {@link io.povm.api.Operator} as JSON; event {@value OrgTransactions#OPERATOR_REMOVED_EVENT}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RemoveOperator(final Context ctx, final String certificatePem) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(OrgTransactions.REMOVE_OPERATOR, stub.getTxId(), () -> {
            final OperatorRegistry registry = OperatorRegistry.of(ctx, OrgTransactions.REMOVE_OPERATOR);
            return PovmJson.write(registry.remove(certificatePem));
        });
    }

    /** @return the org's {@link io.povm.api.OperatorList} as JSON; open to every identity */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetOperators(final Context ctx, final String mspId) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(OrgTransactions.GET_OPERATORS, stub.getTxId(), () -> {
            final String msp = MemberAdmission.checkMspId(mspId);
            return PovmJson.write(new OperatorList(msp, new OperatorLedger(stub).list(msp)));
        });
    }

    private static void record(
            final MemberLedger ledger,
            final MemberAdmission admission,
            final MemberProposal proposal,
            final String event) {
        if (proposal.executed()) {
            ledger.admit(proposal, admission.admitted(proposal));
        } else {
            ledger.put(proposal, event);
        }
    }

    private static Approval approval(final ChaincodeStub stub, final Caller caller) {
        return new Approval(caller.msp(), caller.id(), TxTime.iso(stub.getTxTimestamp()), stub.getTxId());
    }

    private static PovmException noProposal(final String msp) {
        return PovmException.notFound(
                MemberAdmission.FIELD,
                "nobody proposed adding " + msp + "; a member org's admin proposes it with "
                        + OrgTransactions.PROPOSE_MEMBER);
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
                                OrgTransactions.BOOTSTRAP,
                                OrgTransactions.GET_MEMBERS,
                                OrgTransactions.PROPOSE_MEMBER,
                                OrgTransactions.APPROVE_MEMBER,
                                OrgTransactions.GET_MEMBER_PROPOSAL,
                                OrgTransactions.REGISTER_OPERATOR,
                                OrgTransactions.REMOVE_OPERATOR,
                                OrgTransactions.GET_OPERATORS)));
    }
}
