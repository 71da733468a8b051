// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.PovmJson;
import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.BeaconKey;
import io.povm.api.beacon.RoundCheck;
import io.povm.api.beacon.RoundCommit;
import io.povm.api.beacon.RoundHeader;
import io.povm.api.beacon.RoundRecovery;
import io.povm.api.beacon.RoundResult;
import io.povm.api.beacon.RoundReveal;
import io.povm.api.beacon.Ticket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * The beacon's keys. Every piece of a round is under its own key, so that orgs posting at the same time never write
 * the same key (design note "beacon", point 8):
 *
 * <pre>
 * ("beacon-key", msp)                        -> BeaconKey
 * ("beacon-config")                          -> BeaconConfig (absent: BeaconConfig.DEFAULT)
 * ("beacon-config-proposal", id)             -> ConfigProposal
 * ("beacon-latest")                          -> the latest opened round's number, decimal text
 * ("beacon-round", round)                    -> RoundHeader
 * ("beacon-commit", round, dealer)           -> RoundCommit
 * ("beacon-check", round, holder)            -> RoundCheck
 * ("beacon-reveal", round, dealer)           -> RoundReveal
 * ("beacon-recovery", round, dealer, holder) -> RoundRecovery
 * ("beacon-result", round)                   -> RoundResult
 * ("beacon-c0", C_0)                         -> the round that used C_0 (a replayed commit is refused)
 * ("beacon-strike", msp, round)              -> the strike's reason
 * ("beacon-ticket", round, jobId, replica)   -> Ticket
 * ("beacon-job", jobId)                      -> the round whose seed assigns the job
 * ("beacon-audit", jobId)                    -> the round whose audit sub-seed decides whether the job is audited
 * </pre>
 *
 * Round numbers in keys are zero-padded to 12 digits so that range reads return them in order.
 */
public final class BeaconLedger {
    static final String KEY = "beacon-key";
    static final String CONFIG = "beacon-config";
    static final String CONFIG_PROPOSAL = "beacon-config-proposal";
    static final String LATEST = "beacon-latest";
    static final String ROUND = "beacon-round";
    static final String COMMIT = "beacon-commit";
    static final String CHECK = "beacon-check";
    static final String REVEAL = "beacon-reveal";
    static final String RECOVERY = "beacon-recovery";
    static final String RESULT = "beacon-result";
    static final String C0 = "beacon-c0";
    static final String STRIKE = "beacon-strike";
    static final String TICKET = "beacon-ticket";
    static final String JOB = "beacon-job";
    static final String AUDIT = "beacon-audit";

    private final ChaincodeStub stub;

    public BeaconLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    static String n(final long round) {
        return String.format("%012d", round);
    }

    private static String k(final String type, final String... attributes) {
        return new CompositeKey(type, attributes).toString();
    }

    private <T> Optional<T> read(final String key, final Class<T> type) {
        final byte[] value = stub.getState(key);
        return value == null || value.length == 0
                ? Optional.empty()
                : Optional.of(PovmJson.read(new String(value, StandardCharsets.UTF_8), type));
    }

    private void write(final String key, final Object value) {
        stub.putState(key, PovmJson.writeBytes(value));
    }

    private <T> List<T> range(final CompositeKey prefix, final Function<String, T> parse) {
        return entries(prefix, entry -> parse.apply(entry.getStringValue()));
    }

    /** @return every entry under the prefix, mapped, in key order */
    private <T> List<T> entries(final CompositeKey prefix, final Function<KeyValue, T> map) {
        final List<T> out = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(prefix)) {
            for (final KeyValue entry : results) {
                out.add(map.apply(entry));
            }
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** @return a round number stored as decimal text under {@code key} */
    private Optional<Long> number(final String key) {
        final byte[] value = stub.getState(key);
        return value == null || value.length == 0
                ? Optional.empty()
                : Optional.of(Long.parseLong(new String(value, StandardCharsets.UTF_8)));
    }

    public Optional<BeaconKey> key(final String msp) {
        return read(k(KEY, msp), BeaconKey.class);
    }

    public void put(final BeaconKey beaconKey) {
        write(k(KEY, beaconKey.msp()), beaconKey);
    }

    public List<BeaconKey> keys() {
        return range(new CompositeKey(KEY), json -> PovmJson.read(json, BeaconKey.class));
    }

    /** @return the config in force: the governed one, else {@link BeaconConfig#DEFAULT} */
    public BeaconConfig config() {
        return read(k(CONFIG), BeaconConfig.class).orElse(BeaconConfig.DEFAULT);
    }

    public void put(final BeaconConfig config) {
        write(k(CONFIG), config);
    }

    public Optional<ConfigProposal> proposal(final String id) {
        return read(k(CONFIG_PROPOSAL, id), ConfigProposal.class);
    }

    public void put(final ConfigProposal proposal) {
        write(k(CONFIG_PROPOSAL, proposal.id()), proposal);
    }

    /** @return the latest opened round's number, 0 before the first round */
    public long latest() {
        return number(k(LATEST)).orElse(0L);
    }

    public Optional<RoundHeader> header(final long round) {
        return read(k(ROUND, n(round)), RoundHeader.class);
    }

    /** Stores a newly opened round and makes it the latest. */
    public void open(final RoundHeader header) {
        write(k(ROUND, n(header.round())), header);
        stub.putState(k(LATEST), Long.toString(header.round()).getBytes(StandardCharsets.UTF_8));
    }

    public List<RoundCommit> commits(final long round) {
        return range(new CompositeKey(COMMIT, n(round)), json -> PovmJson.read(json, RoundCommit.class));
    }

    public Optional<RoundCommit> commit(final long round, final String dealer) {
        return read(k(COMMIT, n(round), dealer), RoundCommit.class);
    }

    public void put(final RoundCommit commit) {
        write(k(COMMIT, n(commit.round()), commit.dealer()), commit);
        stub.putState(
                k(C0, commit.commitments().get(0)),
                Long.toString(commit.round()).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the round that used {@code c0} as a commitment to its secret, if any */
    public Optional<Long> roundOfC0(final String c0) {
        return number(k(C0, c0));
    }

    public List<RoundCheck> checks(final long round) {
        return range(new CompositeKey(CHECK, n(round)), json -> PovmJson.read(json, RoundCheck.class));
    }

    public void put(final RoundCheck check) {
        write(k(CHECK, n(check.round()), check.holder()), check);
    }

    public List<RoundReveal> reveals(final long round) {
        return range(new CompositeKey(REVEAL, n(round)), json -> PovmJson.read(json, RoundReveal.class));
    }

    public void put(final RoundReveal reveal) {
        write(k(REVEAL, n(reveal.round()), reveal.dealer()), reveal);
    }

    public List<RoundRecovery> recoveries(final long round) {
        return range(new CompositeKey(RECOVERY, n(round)), json -> PovmJson.read(json, RoundRecovery.class));
    }

    public void put(final RoundRecovery recovery) {
        write(k(RECOVERY, n(recovery.round()), recovery.dealer(), recovery.holder()), recovery);
    }

    public Optional<RoundResult> result(final long round) {
        return read(k(RESULT, n(round)), RoundResult.class);
    }

    public void put(final RoundResult result) {
        write(k(RESULT, n(result.round())), result);
    }

    public void strike(final String msp, final long round, final String reason) {
        stub.putState(k(STRIKE, msp, n(round)), reason.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the org's strikes, oldest first, as "round: reason" */
    public List<String> strikes(final String msp) {
        return entries(
                new CompositeKey(STRIKE, msp),
                entry -> Long.parseLong(CompositeKey.parseCompositeKey(entry.getKey())
                                .getAttributes()
                                .get(1))
                        + ": " + entry.getStringValue());
    }

    public List<Ticket> tickets(final long round) {
        return range(new CompositeKey(TICKET, n(round)), json -> PovmJson.read(json, Ticket.class));
    }

    public void put(final Ticket ticket) {
        write(k(TICKET, n(ticket.round()), ticket.jobId(), Integer.toString(ticket.replica())), ticket);
    }

    /** Records that the job is assigned with the seed of {@code round}, the first round opened after it was submitted. */
    public void assignJob(final String jobId, final long round) {
        stub.putState(k(JOB, jobId), Long.toString(round).getBytes(StandardCharsets.UTF_8));
    }

    public Optional<Long> roundOfJob(final String jobId) {
        return number(k(JOB, jobId));
    }

    /** Records that the job's random audit is decided by {@code round}, the first round opened after its verdict. */
    public void auditJob(final String jobId, final long round) {
        stub.putState(k(AUDIT, jobId), Long.toString(round).getBytes(StandardCharsets.UTF_8));
    }

    public Optional<Long> auditRoundOfJob(final String jobId) {
        return number(k(AUDIT, jobId));
    }
}
