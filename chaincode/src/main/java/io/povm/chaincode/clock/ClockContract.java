package io.povm.chaincode.clock;

import io.povm.api.ClockTicks;
import io.povm.api.ClockTransactions;
import io.povm.api.Members;
import io.povm.api.PovmJson;
import io.povm.chaincode.Caller;
import io.povm.chaincode.TransactionGuard;
import io.povm.chaincode.TxTime;
import io.povm.chaincode.org.MemberLedger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The {@value ClockTransactions#CONTRACT} contract: every member org posts ticks, and a lease deadline counts as
 * passed for org X only when a majority of the member orgs other than X ticked past it ({@link MultipartyClock}).
 * Each org's worker daemon ticks with its heartbeat.
 */
@Contract(
        name = ClockTransactions.CONTRACT,
        info =
                @Info(
                        title = "povm clock",
                        description = "Member orgs' ticks, so that no single org's clock closes a deadline",
                        version = "0.1.0"))
public final class ClockContract implements ContractInterface {

    /**
     * Posts the caller's org's tick at this transaction's timestamp. Any identity of a member org may tick.
     *
     * @return every member's latest tick as {@link ClockTicks} JSON, also the {@value
     *     ClockTransactions#CLOCK_TICKED_EVENT} event's payload
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Tick(final Context ctx) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(ClockTransactions.TICK, stub.getTxId(), () -> {
            final Caller caller = Caller.of(ctx.getClientIdentity());
            final Members members = new MemberLedger(stub).require();
            final ClockLedger ledger = new ClockLedger(stub);
            final Instant at = Instant.parse(TxTime.iso(stub.getTxTimestamp()));
            final MultipartyClock after = ledger.read(members).tick(caller.msp(), at);
            ledger.write(caller.msp(), TxTime.iso(at));
            final String json = PovmJson.write(ClockLedger.ticks(after));
            stub.setEvent(ClockTransactions.CLOCK_TICKED_EVENT, json.getBytes(StandardCharsets.UTF_8));
            return json;
        });
    }

    /** @return every member org's latest tick as {@link ClockTicks} JSON */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(final Context ctx) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(ClockTransactions.GET, stub.getTxId(), () -> {
            final Members members = new MemberLedger(stub).require();
            final ClockTicks ticks = ClockLedger.ticks(new ClockLedger(stub).read(members));
            return PovmJson.write(ticks);
        });
    }
}
