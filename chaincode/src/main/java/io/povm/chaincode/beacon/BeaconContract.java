// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.KeyText;
import io.povm.api.PovmJson;
import io.povm.api.beacon.BeaconTransactions;
import io.povm.api.beacon.RoundHeader;
import io.povm.chaincode.Caller;
import io.povm.chaincode.TransactionGuard;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The {@value BeaconTransactions#CONTRACT} contract: the multiparty randomness beacon and the PoVM lottery
 * ({@code docs/beacon.md}). Thin: each method delegates to {@link BeaconRounds}. Errors reach the caller as {@code
 * CODE [field] reason}; a refused call writes nothing.
 */
@Contract(
        name = BeaconTransactions.CONTRACT,
        info =
                @Info(
                        title = "povm beacon",
                        description = "Multiparty randomness beacon (escrowed commit-reveal on P-256) and lottery",
                        version = "0.1.0"))
public final class BeaconContract implements ContractInterface {

    private static String run(final Context ctx, final String name, final Function<BeaconRounds, Object> body) {
        return TransactionGuard.run(name, ctx.getStub().getTxId(), () -> {
            final Object value = body.apply(new BeaconRounds(ctx.getStub(), Caller.of(ctx.getClientIdentity())));
            return value instanceof String text ? text : PovmJson.write(value);
        });
    }

    /** Runs one step of round {@code roundText} and emits its {@value BeaconTransactions#ROUND_EVENT} event. */
    private static String step(
            final Context ctx,
            final String name,
            final String step,
            final String roundText,
            final BiFunction<BeaconRounds, Long, Object> body) {
        return run(ctx, name, rounds -> {
            final long round = BeaconRounds.round(roundText);
            final Object value = body.apply(rounds, round);
            emit(ctx, round, step);
            return value;
        });
    }

    private static void emit(final Context ctx, final long round, final String step) {
        final Map<String, Object> event = new TreeMap<>();
        event.put("round", round);
        event.put("step", step);
        event.put("msp", ctx.getClientIdentity().getMSPID());
        ctx.getStub()
                .setEvent(BeaconTransactions.ROUND_EVENT, PovmJson.write(event).getBytes(StandardCharsets.UTF_8));
    }

    /** Registers or rotates the caller's org's beacon key (P-256 point, SEC1 hex). Org admin of a member org. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterKey(final Context ctx, final String publicKey) {
        return run(ctx, BeaconTransactions.REGISTER_KEY, rounds -> rounds.registerKey(publicKey));
    }

    /** @return every registered beacon key, by MSP id */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetKeys(final Context ctx) {
        return run(ctx, BeaconTransactions.GET_KEYS, rounds -> new BeaconLedger(ctx.getStub()).keys());
    }

    /** Proposes a {@link io.povm.api.beacon.BeaconConfig}; in force at a majority of member org admins. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ProposeConfig(final Context ctx, final String id, final String configJson) {
        return run(ctx, BeaconTransactions.PROPOSE_CONFIG, rounds -> rounds.proposeConfig(id, configJson));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ApproveConfig(final Context ctx, final String id) {
        return run(ctx, BeaconTransactions.APPROVE_CONFIG, rounds -> rounds.approveConfig(id));
    }

    /** @return the config in force */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetConfig(final Context ctx) {
        return run(ctx, BeaconTransactions.GET_CONFIG, rounds -> new BeaconLedger(ctx.getStub()).config());
    }

    /** Opens the next round (any identity of a member org); @return its {@link io.povm.api.beacon.RoundHeader} */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String OpenRound(final Context ctx) {
        return run(ctx, BeaconTransactions.OPEN_ROUND, rounds -> {
            final RoundHeader header = rounds.open();
            emit(ctx, header.round(), "open");
            return header;
        });
    }

    /** The caller's org's commit ({@link io.povm.api.beacon.RoundCommit} JSON). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CommitRound(final Context ctx, final String round, final String commitJson) {
        return step(ctx, BeaconTransactions.COMMIT_ROUND, "commit", round, (rounds, r) -> rounds.commit(r, commitJson));
    }

    /** The caller's org's share check ({@link io.povm.api.beacon.RoundCheck} JSON, complaints if any). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CheckShares(final Context ctx, final String round, final String checkJson) {
        return step(ctx, BeaconTransactions.CHECK_SHARES, "check", round, (rounds, r) -> rounds.check(r, checkJson));
    }

    /** The caller's org's secret (64 hex digits). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RevealRound(final Context ctx, final String round, final String secret) {
        return step(ctx, BeaconTransactions.REVEAL_ROUND, "reveal", round, (rounds, r) -> rounds.reveal(r, secret));
    }

    /** The caller's org's decrypted share of a dealer that did not reveal in time. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecoverShare(final Context ctx, final String round, final String dealer, final String share) {
        return step(
                ctx,
                BeaconTransactions.RECOVER_SHARE,
                "recover",
                round,
                (rounds, r) -> rounds.recover(r, dealer, share));
    }

    /** Closes a round: seed, strikes, lottery draw and reward. @return the {@link io.povm.api.beacon.RoundResult} */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CloseRound(final Context ctx, final String round) {
        return step(ctx, BeaconTransactions.CLOSE_ROUND, "close", round, (rounds, r) -> rounds.close(r));
    }

    /** @return the {@link io.povm.api.beacon.RoundView} of a round */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetRound(final Context ctx, final String round) {
        return run(ctx, BeaconTransactions.GET_ROUND, rounds -> rounds.view(BeaconRounds.round(round)));
    }

    /** @return the latest round's {@link io.povm.api.beacon.RoundView}; NOT_FOUND before the first round */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetLatest(final Context ctx) {
        return run(ctx, BeaconTransactions.GET_LATEST, rounds -> {
            final long latest = new BeaconLedger(ctx.getStub()).latest();
            if (latest == 0) {
                throw io.povm.api.PovmException.notFound("round", "no round has been opened yet");
            }
            return rounds.view(latest);
        });
    }

    /** @return {@code {"differences":[...],"round":n,"verified":true|false}}: the round recomputed from ledger state */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String VerifyRound(final Context ctx, final String round) {
        return run(ctx, BeaconTransactions.VERIFY_ROUND, rounds -> rounds.verify(BeaconRounds.round(round)));
    }

    /** @return the org's strikes, oldest first, as "round: reason" */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetStrikes(final Context ctx, final String msp) {
        return run(ctx, BeaconTransactions.GET_STRIKES, rounds -> new BeaconLedger(ctx.getStub())
                .strikes(KeyText.require(msp, "msp", KeyText.MAX_MSP_CHARS, "a member org's MSP id, e.g. Org1MSP")));
    }

    /** @return the tickets earned for the round ({@code Ticket}s, by job and replica), which the round froze when it opened */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetTickets(final Context ctx, final String round) {
        return run(ctx, BeaconTransactions.GET_TICKETS, rounds -> new BeaconLedger(ctx.getStub())
                .tickets(BeaconRounds.round(round)));
    }
}
