// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.ErrorCode;
import io.povm.api.KeyText;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Quote;
import io.povm.api.Votes;
import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.BeaconKey;
import io.povm.api.beacon.Feldman;
import io.povm.api.beacon.Hex;
import io.povm.api.beacon.RoundCheck;
import io.povm.api.beacon.RoundCommit;
import io.povm.api.beacon.RoundHeader;
import io.povm.api.beacon.RoundMember;
import io.povm.api.beacon.RoundOutcome;
import io.povm.api.beacon.RoundRecovery;
import io.povm.api.beacon.RoundResult;
import io.povm.api.beacon.RoundReveal;
import io.povm.api.beacon.RoundView;
import io.povm.api.beacon.TicketTotal;
import io.povm.chaincode.AccessPolicy;
import io.povm.chaincode.Caller;
import io.povm.chaincode.TxTime;
import io.povm.chaincode.clock.ClockLedger;
import io.povm.chaincode.clock.LedgerTime;
import io.povm.chaincode.clock.MultipartyClock;
import io.povm.chaincode.credit.RewardMint;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The beacon's transactions for one caller (design note "beacon"): register a key, open a round (freezing its
 * members, keys, tickets and config), commit, check shares (complain), reveal, recover a withheld secret from shares,
 * and close (seed, strikes, lottery, reward). Every check happens before any write; a refused call writes nothing.
 * Each transaction reads only what it needs, so that orgs acting in the same phase do not conflict. A phase ends for
 * latecomers as soon as the next phase's first piece is on the ledger (a late commit is refused once a share check
 * exists, a late check once a secret is revealed): the range reads make the two serialize, and until then a late
 * piece changes nothing anybody relied on. The multiparty clock is read only when a phase must close without a
 * laggard.
 */
public final class BeaconRounds {
    /** The chaincode name bound into every seed. */
    public static final String CHAINCODE = io.povm.api.beacon.BeaconTransactions.SEED_CHAINCODE;

    private static final Pattern ROUND = Pattern.compile("[1-9][0-9]{0,11}");
    private static final Pattern CIPHERTEXT = Pattern.compile("[0-9a-f]{64}");
    private static final String ZERO_SEED = "0".repeat(64);
    /** No org is excluded from the clock's majority (an MSP id is never empty). */
    private static final String NO_ORG = "";

    private final ChaincodeStub stub;
    private final Caller caller;
    private final Instant now;
    private final BeaconLedger ledger;
    private final RoundOutcome outcome;
    private final AccessPolicy access;
    private MultipartyClock cachedClock;

    public BeaconRounds(final ChaincodeStub stub, final Caller caller) {
        this.stub = Objects.requireNonNull(stub, "stub");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.access = new AccessPolicy(stub, caller);
        this.now = LedgerTime.now(stub);
        this.ledger = new BeaconLedger(stub);
        this.outcome = new RoundOutcome(stub.getChannelId(), CHAINCODE);
    }

    private String at() {
        return TxTime.iso(now);
    }

    /** @throws PovmException INVALID_ARGUMENT [round] unless a decimal round number from 1 */
    public static long round(final String text) {
        if (text == null || !ROUND.matcher(text).matches()) {
            throw PovmException.invalid(
                    "round", Quote.prefix(text) + " must be a round number from 1 (decimal, no sign)");
        }
        return Long.parseLong(text);
    }

    static PovmException invalidState(final String field, final String reason) {
        return new PovmException(new PovmError(ErrorCode.INVALID_STATE, field, reason));
    }

    /** @return the member orgs, read once per transaction */
    private Members members() {
        return access.members();
    }

    private Members requireMember(final String transaction) {
        return access.requireMember(transaction);
    }

    /** The org's own pieces of a round are its operator's word ({@link AccessPolicy#requireOperator}). */
    private Members requireOperator(final String transaction) {
        return access.requireOperator(transaction);
    }

    /** Registers (or rotates) the caller's org's beacon key; org admin of a member org. Later rounds use it. */
    public BeaconKey registerKey(final String publicKey) {
        access.requireMemberAdmin("beacon:RegisterKey");
        final BeaconKey key = new BeaconKey(caller.msp(), publicKey, at(), stub.getTxId());
        ledger.put(key);
        return key;
    }

    /** Proposes a config; the proposer's org approves it at once. Org admin of a member org. */
    public ConfigProposal proposeConfig(final String id, final String configJson) {
        final Members members = access.requireMemberAdmin("beacon:ProposeConfig");
        final String proposalId = io.povm.api.JobSpecValidator.validateId(id);
        final BeaconConfig config = PovmJson.read(configJson, BeaconConfig.class);
        if (ledger.proposal(proposalId).isPresent()) {
            throw PovmException.duplicate("id", "config proposal " + proposalId + " exists; choose another id");
        }
        final ConfigProposal fresh = new ConfigProposal(
                        proposalId, config, caller.msp(), at(), List.of(), members.threshold(), ConfigProposal.PROPOSED)
                .approvedBy(caller.msp(), members.threshold());
        return record(fresh);
    }

    /**
     * Adds the caller's org's approval; the approval that reaches the majority puts the config in force. The same org
     * approving again gets the proposal as stored, and nothing is written ({@link Votes}).
     */
    public ConfigProposal approveConfig(final String id) {
        final Members members = access.requireMemberAdmin("beacon:ApproveConfig");
        io.povm.api.JobSpecValidator.validateId(id);
        final ConfigProposal before = ledger.proposal(id)
                .orElseThrow(
                        () -> PovmException.notFound("id", "config proposal " + Quote.prefix(id) + " does not exist"));
        final Optional<ConfigProposal> replay = Votes.replay(before, before.approvals(), caller.msp());
        if (replay.isPresent()) {
            return replay.get();
        }
        if (ConfigProposal.EXECUTED.equals(before.state())) {
            throw invalidState("id", "config proposal " + id + " is in force already");
        }
        return record(before.approvedBy(caller.msp(), members.threshold()));
    }

    private ConfigProposal record(final ConfigProposal proposal) {
        if (ConfigProposal.EXECUTED.equals(proposal.state())) {
            ledger.put(proposal.config());
        }
        ledger.put(proposal);
        return proposal;
    }

    /**
     * Opens the next round: freezes the members and their beacon keys, the threshold, the deadlines, the previous seed,
     * the tickets earned since the last round and the config.
     *
     * @throws PovmException INVALID_STATE when the latest round is not closed, its cadence has not passed on the
     *     multiparty clock, or a member has no beacon key
     */
    public RoundHeader open() {
        final Members members = requireMember("beacon:OpenRound");
        final long latest = ledger.latest();
        final BeaconConfig config = ledger.config();
        final MultipartyClock clock = clock();
        String previousSeed = ZERO_SEED;
        if (latest > 0) {
            final RoundResult last = ledger.result(latest)
                    .orElseThrow(() -> invalidState(
                            "round",
                            "round " + latest + " is not closed yet ("
                                    + view(latest).note() + "); a stalled round is never re-drawn"));
            final Instant due = Instant.parse(last.closedAt()).plusSeconds(config.cadenceSeconds());
            // t orgs' ticks, the opener's own may be one: a single org cannot hurry the beacon, and rounds go on
            // while a minority is offline (excluding the opener would need every other org of three)
            if (config.cadenceSeconds() > 0 && !clock.hasPassed(due, NO_ORG)) {
                throw invalidState(
                        "round",
                        "the next round opens at " + due + " (round " + latest
                                + " closed at " + last.closedAt() + ", cadence " + config.cadenceSeconds() + " s): "
                                + clock.explainNotPassed(due, NO_ORG));
            }
            previousSeed = last.seed();
        }
        final List<RoundMember> frozen = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        int index = 1;
        for (final String msp : members.msps().stream().sorted().toList()) {
            final Optional<BeaconKey> key = ledger.key(msp);
            if (key.isEmpty()) {
                missing.add(msp);
            } else {
                frozen.add(new RoundMember(msp, index, key.get().publicKey()));
            }
            index++;
        }
        if (!missing.isEmpty()) {
            throw invalidState(
                    "members",
                    "no beacon key registered for " + String.join(", ", missing)
                            + "; each member org's admin registers one with beacon:RegisterKey");
        }
        final long round = latest + 1;
        final Instant base = base(clock);
        final List<TicketTotal> tickets = new TicketFreeze(stub).freeze(round, config, clock);
        final RoundHeader header = new RoundHeader(
                round,
                frozen,
                members.threshold(),
                at(),
                caller.msp(),
                stub.getTxId(),
                TxTime.iso(base.plusSeconds(config.phaseSeconds())),
                TxTime.iso(base.plusSeconds(2L * config.phaseSeconds())),
                TxTime.iso(base.plusSeconds(3L * config.phaseSeconds())),
                previousSeed,
                config.tickets(),
                tickets,
                RoundOutcome.snapshotHash(tickets),
                config.reward(),
                config.winners(),
                config.auditNum(),
                config.auditDen());
        ledger.open(header);
        return header;
    }

    /** The deadlines count from this transaction's time, but never from before another org's latest tick. */
    private Instant base(final MultipartyClock clock) {
        return RoundPhase.deadlineBase(now, caller.msp(), clock);
    }

    /**
     * @return the round's header, after checking that the caller's org is one of the round's members (an org that
     *     joined later, or a non-member, is refused even for a closed round) and that the round is still open
     */
    private RoundHeader header(final long round, final String role) {
        final RoundHeader header = ledger.header(round)
                .orElseThrow(() -> PovmException.notFound("round", "round " + round + " has not been opened"));
        memberOf(header, role);
        if (ledger.result(round).isPresent()) {
            throw invalidState("round", "round " + round + " is closed");
        }
        return header;
    }

    private RoundMember memberOf(final RoundHeader header, final String role) {
        return header.member(caller.msp())
                .orElseThrow(() -> PovmException.forbidden(
                        "caller",
                        caller.msp() + " is not a member of round " + header.round() + " (members: "
                                + String.join(", ", header.msps()) + "); only its members may act as " + role));
    }

    /** @return the multiparty clock, read once per transaction and only when a deadline matters */
    private MultipartyClock clock() {
        if (cachedClock == null) {
            cachedClock = new ClockLedger(stub).read(members());
        }
        return cachedClock;
    }

    /**
     * A dealer's commit: exactly threshold commitments, one well-formed share for every other member, and a C_0 never
     * used before (a replayed commit is refused).
     */
    public RoundCommit commit(final long round, final String commitJson) {
        requireOperator("beacon:CommitRound");
        final RoundHeader header = header(round, "a dealer");
        final RoundCommit commit = PovmJson.read(commitJson, RoundCommit.class);
        if (commit.round() != round) {
            throw PovmException.invalid(
                    "commit.round",
                    "is " + commit.round() + "; this is round " + round + " (a commit from another round is refused)");
        }
        if (!caller.msp().equals(commit.dealer())) {
            throw PovmException.forbidden(
                    "commit.dealer",
                    "is " + Quote.prefix(commit.dealer()) + "; an org commits only as itself (" + caller.msp() + ")");
        }
        validateCommitments(header, commit.commitments());
        validateShares(header, commit.shares());
        if (ledger.commit(round, caller.msp()).isPresent()) {
            throw invalidState("round", caller.msp() + " committed in round " + round + " already; a commit is final");
        }
        if (!ledger.checks(round).isEmpty()) {
            throw invalidState(
                    "round",
                    "the commit phase of round " + round + " is over: share checks have begun" + " (the deadline was "
                            + header.commitBy() + ")");
        }
        final RoundCommit stored = commit.stamped(at(), stub.getTxId());
        ledger.put(stored);
        return stored;
    }

    private void validateCommitments(final RoundHeader header, final List<String> commitments) {
        if (commitments.size() != header.threshold()) {
            throw PovmException.invalid(
                    "commit.commitments",
                    "must hold " + header.threshold() + " points (the threshold); got " + commitments.size());
        }
        for (int k = 0; k < commitments.size(); k++) {
            Feldman.checkPoint("commit.commitments[" + k + "]", commitments.get(k));
        }
        ledger.roundOfC0(commitments.get(0)).ifPresent(used -> {
            throw PovmException.invalid(
                    "commit.commitments[0]",
                    "was committed in round " + used + " already: a replayed commit is refused");
        });
    }

    private void validateShares(final RoundHeader header, final List<RoundCommit.SealedShare> shares) {
        final Set<String> expected = new HashSet<>(header.msps());
        expected.remove(caller.msp());
        final Set<String> seen = new HashSet<>();
        for (final RoundCommit.SealedShare share : shares) {
            if (share == null || !expected.contains(share.holder())) {
                throw PovmException.invalid(
                        "commit.shares",
                        "holder " + (share == null ? null : share.holder())
                                + " is not another member of round " + header.round() + " (expected "
                                + String.join(", ", expected.stream().sorted().toList()) + ")");
            }
            if (!seen.add(share.holder())) {
                throw PovmException.invalid("commit.shares", "holder " + share.holder() + " appears twice");
            }
            Feldman.checkPoint("commit.shares.ephemeral", share.ephemeral());
            if (share.ciphertext() == null
                    || !CIPHERTEXT.matcher(share.ciphertext()).matches()) {
                throw PovmException.invalid("commit.shares.ciphertext", "must be 64 lower-case hex digits");
            }
        }
        if (!seen.equals(expected)) {
            final Set<String> absent = new java.util.TreeSet<>(expected);
            absent.removeAll(seen);
            throw PovmException.invalid("commit.shares", "no share for " + String.join(", ", absent));
        }
    }

    /** Reads the pieces of the commit phase and requires it closed: every member committed or its deadline passed. */
    private RoundView afterCommits(final RoundHeader header, final String transaction) {
        final RoundView view = new RoundView(
                header, null, null, ledger.commits(header.round()), List.of(), List.of(), List.of(), null);
        final List<String> laggards =
                header.msps().stream().filter(msp -> view.commit(msp).isEmpty()).toList();
        if (!laggards.isEmpty() && !RoundPhase.closed(laggards, header.commitBy(), clock())) {
            throw invalidState(
                    "round",
                    transaction + " waits for the commit phase of round " + header.round()
                            + " to close: no commit yet from " + String.join(", ", laggards) + ", deadline "
                            + header.commitBy());
        }
        return view;
    }

    /**
     * A holder's check of its shares: each complaint must hold (DLEQ proof valid and the opened share fails the
     * dealer's commitments); a false complaint refuses the whole check.
     */
    public RoundCheck check(final long round, final String checkJson) {
        requireOperator("beacon:CheckShares");
        final RoundHeader header = header(round, "a holder");
        final RoundCheck check = PovmJson.read(checkJson, RoundCheck.class);
        if (check.round() != round || !caller.msp().equals(check.holder())) {
            throw PovmException.invalid("check", "must name round " + round + " and holder " + caller.msp());
        }
        if (ledger.checks(round).stream().anyMatch(c -> c.holder().equals(caller.msp()))) {
            throw invalidState("round", caller.msp() + " checked its shares of round " + round + " already");
        }
        final RoundView view = afterCommits(header, "CheckShares");
        if (!ledger.reveals(round).isEmpty() || !ledger.recoveries(round).isEmpty()) {
            throw invalidState(
                    "round",
                    "the check phase of round " + round + " is over: secrets are being revealed" + " (the deadline was "
                            + header.checkBy() + ")");
        }
        final Set<String> dealers = new HashSet<>();
        for (final RoundCheck.Complaint complaint : check.complaints()) {
            if (complaint == null || view.commit(complaint.dealer()).isEmpty()) {
                throw PovmException.invalid("check.complaints", "names a dealer that did not commit in round " + round);
            }
            if (!dealers.add(complaint.dealer())) {
                throw PovmException.invalid("check.complaints", "names " + Quote.prefix(complaint.dealer()) + " twice");
            }
            if (!outcome.complaintHolds(header, view.commit(complaint.dealer()), caller.msp(), complaint)) {
                throw PovmException.invalid(
                        "check.complaints",
                        "the complaint against " + complaint.dealer()
                                + " does not hold: either its DLEQ proof fails or the share opens to a value that matches the"
                                + " dealer's commitments (a false complaint is refused)");
            }
        }
        final RoundCheck stored = check.stamped(at());
        ledger.put(stored);
        return stored;
    }

    /** Reads the pieces of the commit and check phases and requires the check phase closed. */
    private RoundView afterChecks(final RoundHeader header, final String transaction) {
        final RoundView commits = afterCommits(header, transaction);
        final RoundView view = new RoundView(
                header, null, null, commits.commits(), ledger.checks(header.round()), List.of(), List.of(), null);
        final List<String> laggards =
                header.msps().stream().filter(msp -> view.check(msp).isEmpty()).toList();
        if (!laggards.isEmpty() && !RoundPhase.closed(laggards, header.checkBy(), clock())) {
            throw invalidState(
                    "round",
                    transaction + " waits for the check phase of round " + header.round()
                            + " to close: no share check yet from " + String.join(", ", laggards) + ", deadline "
                            + header.checkBy());
        }
        return view;
    }

    /** A qualified dealer reveals its secret; it must open C_0. */
    public RoundReveal reveal(final long round, final String secretHex) {
        requireOperator("beacon:RevealRound");
        final RoundHeader header = header(round, "a dealer");
        final BigInteger secret = Hex.scalar("secret", secretHex);
        final RoundView view = afterChecks(header, "RevealRound");
        if (!outcome.qualified(view).contains(caller.msp())) {
            throw invalidState(
                    "round",
                    caller.msp() + " is not a qualified dealer of round " + round
                            + " (it did not commit, or a complaint disqualified it)");
        }
        if (ledger.reveals(round).stream().anyMatch(r -> r.dealer().equals(caller.msp()))) {
            throw invalidState("round", caller.msp() + " revealed in round " + round + " already");
        }
        if (!RoundOutcome.revealMatches(secret, view.commit(caller.msp()).orElseThrow())) {
            throw PovmException.invalid(
                    "secret",
                    "does not match " + caller.msp() + "'s commitment C_0 in round " + round + ": s·G must equal C_0");
        }
        final RoundReveal reveal = new RoundReveal(round, caller.msp(), secretHex, at());
        ledger.put(reveal);
        return reveal;
    }

    /**
     * A holder posts its decrypted share of a qualified dealer that did not reveal by the reveal deadline (on the
     * multiparty clock, the dealer's own ticks not counting); the share must match the dealer's commitments.
     */
    public RoundRecovery recover(final long round, final String dealer, final String shareHex) {
        requireOperator("beacon:RecoverShare");
        KeyText.require(dealer, "dealer", KeyText.MAX_MSP_CHARS, "the MSP id of the dealer whose share you recover");
        final RoundHeader header = header(round, "a holder");
        final RoundMember holder = memberOf(header, "a holder");
        final BigInteger share = Hex.scalar("share", shareHex);
        if (caller.msp().equals(dealer)) {
            throw PovmException.invalid("dealer", "a dealer reveals its own secret with RevealRound");
        }
        final RoundView view = afterChecks(header, "RecoverShare");
        if (!outcome.qualified(view).contains(dealer)) {
            throw PovmException.invalid(
                    "dealer", Quote.prefix(dealer) + " is not a qualified dealer of round " + round);
        }
        if (ledger.reveals(round).stream().anyMatch(r -> r.dealer().equals(dealer))) {
            throw invalidState("dealer", dealer + " revealed its secret in round " + round + "; nothing to recover");
        }
        final MultipartyClock clock = clock();
        if (!clock.hasPassed(Instant.parse(header.revealBy()), dealer)) {
            throw invalidState(
                    "round",
                    dealer + "'s reveal deadline has not passed: "
                            + clock.explainNotPassed(Instant.parse(header.revealBy()), dealer));
        }
        if (ledger.recoveries(round).stream()
                .anyMatch(r -> r.dealer().equals(dealer) && r.holder().equals(caller.msp()))) {
            throw invalidState("round", caller.msp() + " posted its share of " + dealer + " already");
        }
        if (!Feldman.verify(
                share, holder.index(), view.commit(dealer).orElseThrow().commitments())) {
            throw PovmException.invalid(
                    "share",
                    "does not match " + dealer + "'s commitments at index " + holder.index() + " (" + caller.msp()
                            + ")");
        }
        final RoundRecovery recovery = new RoundRecovery(round, dealer, caller.msp(), shareHex, at());
        ledger.put(recovery);
        return recovery;
    }

    /** Closes a round whose every qualified secret is known: stores the seed, strikes, draw, and mints the reward. */
    public RoundResult close(final long round) {
        requireMember("beacon:CloseRound");
        final RoundView view = view(round);
        if (view.result() != null) {
            throw invalidState(
                    "round",
                    "round " + round + " closed already in transaction "
                            + view.result().txId());
        }
        if (!RoundPhase.CLOSABLE.name().equals(view.phase())) {
            throw invalidState("round", "round " + round + " cannot close yet: " + view.note());
        }
        final RoundResult result = outcome.compute(view).stamped(at(), caller.msp(), stub.getTxId());
        ledger.put(result);
        for (final RoundResult.Strike strike : result.strikes()) {
            ledger.strike(strike.msp(), round, strike.reason());
        }
        new RewardMint(stub).pay(round, result.lottery().winners(), at());
        return result;
    }

    /** @return everything stored about the round, with its phase on the clock now */
    public RoundView view(final long round) {
        final RoundHeader header = ledger.header(round)
                .orElseThrow(() -> PovmException.notFound("round", "round " + round + " has not been opened"));
        final RoundView pieces = new RoundView(
                header,
                null,
                null,
                ledger.commits(round),
                ledger.checks(round),
                ledger.reveals(round),
                ledger.recoveries(round),
                ledger.result(round).orElse(null));
        final RoundPhase.Status status = RoundPhase.of(pieces, clock(), outcome);
        return new RoundView(
                header,
                status.phase().name(),
                status.note(),
                pieces.commits(),
                pieces.checks(),
                pieces.reveals(),
                pieces.recoveries(),
                pieces.result());
    }

    /** @return the verification of a round from ledger state: what differs between stored and recomputed */
    public Map<String, Object> verify(final long round) {
        final RoundView view = view(round);
        final List<String> differences = outcome.differences(view);
        final Map<String, Object> report = new TreeMap<>();
        report.put("round", round);
        report.put("verified", differences.isEmpty());
        report.put("differences", differences);
        return report;
    }
}
