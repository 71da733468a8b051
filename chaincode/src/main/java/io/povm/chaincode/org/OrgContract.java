package io.povm.chaincode.org;

import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.MspIdList;
import io.povm.api.OrgTransactions;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
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
 * The {@value OrgTransactions#CONTRACT} contract: the member orgs of the network, whose majority governs SLAs.
 * Called as {@code org:Bootstrap} and {@code org:GetMembers}.
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

    /** Reports an unknown transaction name in the povm error format. */
    @Override
    public void unknownTransaction(final Context ctx) {
        throw TransactionGuard.toChaincodeException(new PovmError(
                ErrorCode.INVALID_ARGUMENT,
                "function",
                "unknown transaction; accepted: " + OrgTransactions.BOOTSTRAP + ", " + OrgTransactions.GET_MEMBERS));
    }
}
