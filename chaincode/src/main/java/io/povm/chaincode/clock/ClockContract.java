// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.clock;

import io.povm.api.ClockTicks;
import io.povm.api.ClockTransactions;
import io.povm.api.Members;
import io.povm.api.PovmJson;
import io.povm.chaincode.AccessPolicy;
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
     * Posts the caller's org's tick at this transaction's timestamp. Only the org's operator (an identity its admin
     * registered with {@code org:RegisterOperator}, or its admin) may tick; the tick must be later than the org's
     * previous one and at most {@link MultipartyClock#MAX_LEAD} ahead of the freshest other org's tick.
     *
     * @return every member's latest counted tick as {@link ClockTicks} JSON, also the {@value
     *     ClockTransactions#CLOCK_TICKED_EVENT} event's payload
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Tick(final Context ctx) {
        return post(ctx, ClockTransactions.TICK, MultipartyClock::tick);
    }

    /**
     * After a stall of the whole network, when {@link #Tick} refuses every tick as running ahead, records the
     * caller's org's time as a claim that counts in full once another org ticks near it. Org operator only.
     *
     * @return every member's latest counted tick as {@link ClockTicks} JSON, also the event's payload
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Resume(final Context ctx) {
        return post(ctx, ClockTransactions.RESUME, MultipartyClock::resume);
    }

    private interface Step {
        MultipartyClock apply(MultipartyClock clock, String msp, Instant at);
    }

    private static String post(final Context ctx, final String transaction, final Step step) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(transaction, stub.getTxId(), () -> {
            final Caller caller = Caller.of(ctx.getClientIdentity());
            final Members members = new AccessPolicy(stub, caller).requireOperator(transaction);
            final ClockLedger ledger = new ClockLedger(stub);
            final Instant at = Instant.parse(TxTime.iso(stub.getTxTimestamp()));
            final MultipartyClock after = step.apply(ledger.read(members), caller.msp(), at);
            ledger.write(caller.msp(), after);
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
