// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.PovmJson;
import io.povm.api.beacon.threshold.KeyEpoch;
import io.povm.api.beacon.threshold.ThresholdRound;
import io.povm.api.beacon.threshold.ThresholdRoundView;
import io.povm.api.beacon.threshold.ThresholdTransactions;
import io.povm.chaincode.Caller;
import io.povm.chaincode.TransactionGuard;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The {@value ThresholdTransactions#CONTRACT} contract: the threshold beacon ({@code docs/beacon.md}, "Threshold
 * beacon"), beside the commit-reveal rounds of {@code beacon}, which it leaves as they are. Thin: key generations go to
 * {@link KeyEpochs}, rounds to {@link ThresholdRounds}. Errors reach the caller as {@code CODE [field] reason}; a refused
 * call writes nothing and emits nothing. Every submitted step emits one event: {@value
 * ThresholdTransactions#EPOCH_EVENT} for key generations, {@value ThresholdTransactions#ROUND_EVENT} for rounds.
 */
@Contract(
        name = ThresholdTransactions.CONTRACT,
        info =
                @Info(
                        title = "povm threshold beacon",
                        description = "Threshold randomness beacon on P-256: key generations and one-block rounds",
                        version = "0.1.0"))
public final class ThresholdContract implements ContractInterface {

    private static String run(final Context ctx, final String name, final Supplier<Object> body) {
        return TransactionGuard.run(name, ctx.getStub().getTxId(), () -> {
            final Object value = body.get();
            return value instanceof String text ? text : PovmJson.write(value);
        });
    }

    private static KeyEpochs epochs(final Context ctx) {
        return new KeyEpochs(ctx.getStub(), Caller.of(ctx.getClientIdentity()));
    }

    private static ThresholdRounds rounds(final Context ctx) {
        return new ThresholdRounds(ctx.getStub(), Caller.of(ctx.getClientIdentity()));
    }

    /** Runs one key generation step of epoch {@code epochText} and emits its event. */
    private static String epochStep(
            final Context ctx,
            final String name,
            final String step,
            final String epochText,
            final BiFunction<KeyEpochs, Long, Object> body) {
        return run(ctx, name, () -> {
            final long epoch = KeyEpochs.epoch(epochText);
            final Object value = body.apply(epochs(ctx), epoch);
            emit(ctx, ThresholdTransactions.EPOCH_EVENT, "epoch", epoch, step);
            return value;
        });
    }

    private static void emit(
            final Context ctx, final String event, final String field, final long number, final String step) {
        final Map<String, Object> payload = new TreeMap<>();
        payload.put(field, number);
        payload.put("step", step);
        payload.put("msp", ctx.getClientIdentity().getMSPID());
        ctx.getStub().setEvent(event, PovmJson.write(payload).getBytes(StandardCharsets.UTF_8));
    }

    /** Opens the next key generation for the current members and their beacon keys (any member identity). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String OpenEpoch(final Context ctx) {
        return run(ctx, ThresholdTransactions.OPEN_EPOCH, () -> {
            final KeyEpoch epoch = epochs(ctx).open();
            emit(ctx, ThresholdTransactions.EPOCH_EVENT, "epoch", epoch.epoch(), "open");
            return epoch;
        });
    }

    /** The caller's org's deal ({@link io.povm.api.beacon.threshold.KeyDeal} JSON); the org's operator or admin. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String DealKey(final Context ctx, final String epoch, final String dealJson) {
        return epochStep(ctx, ThresholdTransactions.DEAL_KEY, "deal", epoch, (e, n) -> e.deal(n, dealJson));
    }

    /** The caller's org's check ({@link io.povm.api.beacon.threshold.KeyCheck} JSON, complaints if any). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CheckKey(final Context ctx, final String epoch, final String checkJson) {
        return epochStep(ctx, ThresholdTransactions.CHECK_KEY, "check", epoch, (e, n) -> e.check(n, checkJson));
    }

    /** Completes a key generation: @return the {@link io.povm.api.beacon.threshold.ThresholdKey} (any member). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CompleteKey(final Context ctx, final String epoch) {
        return epochStep(ctx, ThresholdTransactions.COMPLETE_KEY, "complete", epoch, KeyEpochs::complete);
    }

    /** @return the {@link io.povm.api.beacon.threshold.EpochView} of a key generation */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetEpoch(final Context ctx, final String epoch) {
        return run(ctx, ThresholdTransactions.GET_EPOCH, () -> epochs(ctx).view(KeyEpochs.epoch(epoch)));
    }

    /** @return the {@link io.povm.api.beacon.threshold.ThresholdKey} of a completed key generation; NOT_FOUND before */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetThresholdKey(final Context ctx, final String epoch) {
        return run(
                ctx, ThresholdTransactions.GET_THRESHOLD_KEY, () -> epochs(ctx).key(KeyEpochs.epoch(epoch)));
    }

    /** Opens the next round on the current key (any member identity); @return its ThresholdRound */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String OpenRound(final Context ctx) {
        return run(ctx, ThresholdTransactions.OPEN_ROUND, () -> {
            final ThresholdRound round = rounds(ctx).open();
            emit(ctx, ThresholdTransactions.ROUND_EVENT, "round", round.round(), "open");
            return round;
        });
    }

    /**
     * The caller's org's partial ({@link io.povm.api.beacon.threshold.Partial} JSON); the t-th valid one closes the
     * round. @return the round's {@link io.povm.api.beacon.threshold.ThresholdRoundView}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String PostPartial(final Context ctx, final String round, final String partialJson) {
        return run(ctx, ThresholdTransactions.POST_PARTIAL, () -> {
            final long number = BeaconRounds.round(round);
            final ThresholdRoundView view = rounds(ctx).post(number, partialJson);
            emit(ctx, ThresholdTransactions.ROUND_EVENT, "round", number, view.result() == null ? "partial" : "close");
            return view;
        });
    }

    /** @return the {@link io.povm.api.beacon.threshold.ThresholdRoundView} of a round */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetRound(final Context ctx, final String round) {
        return run(ctx, ThresholdTransactions.GET_ROUND, () -> rounds(ctx).view(BeaconRounds.round(round)));
    }

    /** @return {@code {"differences":[...],"round":n,"verified":true|false}}: the round recomputed from the ledger */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String VerifyRound(final Context ctx, final String round) {
        return run(ctx, ThresholdTransactions.VERIFY_ROUND, () -> rounds(ctx).verify(BeaconRounds.round(round)));
    }

    /** @return {@code {"epoch":current key's,"keyGeneration":latest opened,"round":latest}}, 0 for none */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetLatest(final Context ctx) {
        return run(ctx, ThresholdTransactions.GET_LATEST, () -> rounds(ctx).latest());
    }
}
