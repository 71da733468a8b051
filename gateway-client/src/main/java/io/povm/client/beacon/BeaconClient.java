// SPDX-License-Identifier: Apache-2.0
package io.povm.client.beacon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.ErrorCode;
import io.povm.api.PovmJson;
import io.povm.api.Settlement;
import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.BeaconKey;
import io.povm.api.beacon.BeaconTransactions;
import io.povm.api.beacon.RoundCheck;
import io.povm.api.beacon.RoundCommit;
import io.povm.api.beacon.RoundHeader;
import io.povm.api.beacon.RoundOutcome;
import io.povm.api.beacon.RoundRecovery;
import io.povm.api.beacon.RoundResult;
import io.povm.api.beacon.RoundReveal;
import io.povm.api.beacon.RoundView;
import io.povm.api.beacon.Ticket;
import io.povm.api.beacon.TicketRecount;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import io.povm.client.Replies;
import io.povm.client.credit.CreditClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code beacon} contract: beacon keys, rounds, their verification and the lottery. Errors are {@link
 * PovmClientException}s carrying the chaincode's error ({@code INVALID_STATE [round] ...} when a phase has not
 * closed yet, for example).
 *
 * <pre>{@code
 * BeaconClient beacon = new BeaconClient(gateway.chaincode(), gateway.profile().channel());
 * RoundView latest = beacon.latest().orElseThrow();
 * List<String> problems = beacon.verifyOffline(latest);   // empty: the stored result recomputes
 * }</pre>
 */
public final class BeaconClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PovmChaincode chaincode;
    private final String channel;

    public BeaconClient(final PovmChaincode chaincode, final String channel) {
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /** @return the channel name bound into seeds and complaint proofs */
    public String channel() {
        return channel;
    }

    public BeaconKey registerKey(final String publicKey) {
        return Replies.read(
                chaincode.submit(BeaconTransactions.REGISTER_KEY, publicKey),
                BeaconKey.class,
                BeaconTransactions.REGISTER_KEY);
    }

    public List<BeaconKey> keys() {
        return list(chaincode.evaluate(BeaconTransactions.GET_KEYS), new TypeReference<List<BeaconKey>>() {});
    }

    public BeaconConfig config() {
        return Replies.read(
                chaincode.evaluate(BeaconTransactions.GET_CONFIG), BeaconConfig.class, BeaconTransactions.GET_CONFIG);
    }

    /** Proposes a config; @return the proposal's JSON (state PROPOSED, or EXECUTED in a one-org network) */
    public String proposeConfig(final String id, final BeaconConfig config) {
        return chaincode.submit(BeaconTransactions.PROPOSE_CONFIG, id, PovmJson.write(config));
    }

    /** @return the proposal's JSON after this org's approval */
    public String approveConfig(final String id) {
        return chaincode.submit(BeaconTransactions.APPROVE_CONFIG, id);
    }

    public RoundHeader open() {
        return Replies.read(
                chaincode.submit(BeaconTransactions.OPEN_ROUND), RoundHeader.class, BeaconTransactions.OPEN_ROUND);
    }

    public RoundCommit commit(final RoundCommit commit) {
        return commit(commit.round(), commit);
    }

    /** Posts {@code commit} as round {@code round}'s (a commit naming another round is refused). */
    public RoundCommit commit(final long round, final RoundCommit commit) {
        return Replies.read(
                chaincode.submit(BeaconTransactions.COMMIT_ROUND, Long.toString(round), PovmJson.write(commit)),
                RoundCommit.class,
                BeaconTransactions.COMMIT_ROUND);
    }

    public RoundCheck check(final RoundCheck check) {
        return Replies.read(
                chaincode.submit(BeaconTransactions.CHECK_SHARES, Long.toString(check.round()), PovmJson.write(check)),
                RoundCheck.class,
                BeaconTransactions.CHECK_SHARES);
    }

    public RoundReveal reveal(final long round, final String secretHex) {
        return Replies.read(
                chaincode.submit(BeaconTransactions.REVEAL_ROUND, Long.toString(round), secretHex),
                RoundReveal.class,
                BeaconTransactions.REVEAL_ROUND);
    }

    public RoundRecovery recover(final long round, final String dealer, final String shareHex) {
        return Replies.read(
                chaincode.submit(BeaconTransactions.RECOVER_SHARE, Long.toString(round), dealer, shareHex),
                RoundRecovery.class,
                BeaconTransactions.RECOVER_SHARE);
    }

    public RoundResult close(final long round) {
        return Replies.read(
                chaincode.submit(BeaconTransactions.CLOSE_ROUND, Long.toString(round)),
                RoundResult.class,
                BeaconTransactions.CLOSE_ROUND);
    }

    /** @return the round, everything stored about it and its phase now */
    public RoundView round(final long round) {
        return Replies.read(
                chaincode.evaluate(BeaconTransactions.GET_ROUND, Long.toString(round)),
                RoundView.class,
                BeaconTransactions.GET_ROUND);
    }

    /** @return the latest round; empty before the first */
    public Optional<RoundView> latest() {
        try {
            return Optional.of(Replies.read(
                    chaincode.evaluate(BeaconTransactions.GET_LATEST), RoundView.class, BeaconTransactions.GET_LATEST));
        } catch (PovmClientException e) {
            if (e.error().map(err -> err.code() == ErrorCode.NOT_FOUND).orElse(false)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** @return the chaincode's own recomputation: {@code verified} and {@code differences} */
    public Map<String, Object> verifyOnChain(final long round) {
        return list(
                chaincode.evaluate(BeaconTransactions.VERIFY_ROUND, Long.toString(round)),
                new TypeReference<Map<String, Object>>() {});
    }

    /**
     * Recomputes the round here, from the ledger's pieces alone, with the same library code the chaincode runs.
     *
     * @return every difference between the stored and the recomputed result; empty when the round verifies
     */
    public List<String> verifyOffline(final RoundView view) {
        return new RoundOutcome(channel, BeaconTransactions.SEED_CHAINCODE).differences(view);
    }

    /** @return the tickets earned for the round, by job and replica: what the round froze when it opened */
    public List<Ticket> tickets(final long round) {
        return list(
                chaincode.evaluate(BeaconTransactions.GET_TICKETS, Long.toString(round)),
                new TypeReference<List<Ticket>>() {});
    }

    /**
     * Recomputes the round's frozen tickets from the settlements that earned them ({@link TicketRecount}): every
     * ticket against its job's payout entry, every frozen total against the sum.
     *
     * @return every difference; empty when the tickets follow from the settlements
     */
    public List<String> recountTickets(final RoundView view) {
        final CreditClient credits = new CreditClient(chaincode);
        final Map<String, Optional<Settlement>> settlements = new HashMap<>();
        return TicketRecount.differences(
                view.header(),
                tickets(view.round()),
                jobId -> settlements.computeIfAbsent(jobId, id -> settlement(credits, id)));
    }

    private static Optional<Settlement> settlement(final CreditClient credits, final String jobId) {
        try {
            return Optional.of(credits.settlement(jobId));
        } catch (PovmClientException e) {
            if (e.error().map(err -> err.code() == ErrorCode.NOT_FOUND).orElse(false)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public List<String> strikes(final String msp) {
        return list(chaincode.evaluate(BeaconTransactions.GET_STRIKES, msp), new TypeReference<List<String>>() {});
    }

    private static <T> T list(final String json, final TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (java.io.IOException e) {
            throw PovmClientException.internal("unexpected beacon response from the chaincode: " + e.getMessage(), e);
        }
    }
}
