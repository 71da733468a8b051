// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Sha256;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recomputes a round from its pieces alone: which dealers qualified (complaints re-checked), each qualified secret
 * (revealed and checked against C_0, or interpolated from threshold Feldman-checked recovery shares), the seed and
 * sub-seeds, the strikes and the lottery draw. The chaincode's {@code CloseRound} stores exactly this; {@code
 * VerifyRound} and {@code povm beacon verify} compare it with what was stored. Pure and deterministic.
 */
public final class RoundOutcome {
    private static final HexFormat HEX = HexFormat.of();

    private final String channel;
    private final String chaincode;

    public RoundOutcome(final String channel, final String chaincode) {
        this.channel = channel;
        this.chaincode = chaincode;
    }

    /** Why a round cannot close yet, or the secrets it closes with. */
    public record Secrets(
            List<String> qualified, Map<String, BigInteger> secrets, Map<String, String> how, List<String> missing) {
        public boolean complete(final int threshold) {
            return missing.isEmpty() && qualified.size() >= threshold;
        }
    }

    /** @return the dealers that committed and were not disqualified by a valid complaint, in index order */
    public List<String> qualified(final RoundView view) {
        final Set<String> disqualified = disqualified(view);
        return view.header().msps().stream()
                .filter(msp -> view.commit(msp).isPresent() && !disqualified.contains(msp))
                .toList();
    }

    /** @return the dealers a valid complaint disqualified */
    public Set<String> disqualified(final RoundView view) {
        final Set<String> out = new TreeSet<>();
        for (final RoundCheck check : view.checks()) {
            for (final RoundCheck.Complaint complaint : check.complaints()) {
                if (complaintHolds(view.header(), view.commit(complaint.dealer()), check.holder(), complaint)) {
                    out.add(complaint.dealer());
                }
            }
        }
        return out;
    }

    /**
     * A complaint holds when its DLEQ proof shows the disclosed point is x·R for the holder's beacon key x, and the
     * share it opens fails the dealer's commitments.
     */
    public boolean complaintHolds(
            final RoundHeader header,
            final Optional<RoundCommit> commit,
            final String holder,
            final RoundCheck.Complaint complaint) {
        final Optional<RoundMember> member = header.member(holder);
        if (commit.isEmpty() || member.isEmpty()) {
            return false;
        }
        final Optional<RoundCommit.SealedShare> sealed = commit.get().shareFor(holder);
        if (sealed.isEmpty()) {
            return true; // the dealer dealt no share to this holder
        }
        final byte[] context = RoundCheck.context(channel, header.round(), complaint.dealer(), holder);
        if (!Dleq.verify(
                context,
                sealed.get().ephemeral(),
                member.get().publicKey(),
                complaint.disclosed(),
                complaint.proof())) {
            return false;
        }
        final BigInteger share = ShareCipher.open(sealed.get().sealed(), complaint.disclosed());
        return !Feldman.verify(share, member.get().index(), commit.get().commitments());
    }

    /** @return each qualified dealer's secret where it can be had, and the dealers still missing */
    public Secrets secrets(final RoundView view) {
        final List<String> qualified = qualified(view);
        final Map<String, BigInteger> secrets = new LinkedHashMap<>();
        final Map<String, String> how = new LinkedHashMap<>();
        final List<String> missing = new ArrayList<>();
        final int t = view.header().threshold();
        for (final String dealer : qualified) {
            final RoundCommit commit = view.commit(dealer).orElseThrow();
            final Optional<BigInteger> revealed = view.reveal(dealer)
                    .map(r -> Hex.scalar("secret", r.secret()))
                    .filter(s -> revealMatches(s, commit));
            if (revealed.isPresent()) {
                secrets.put(dealer, revealed.get());
                how.put(dealer, RoundResult.REVEALED);
                continue;
            }
            final List<Lagrange.Share> shares = new ArrayList<>();
            for (final RoundRecovery recovery : view.recoveriesOf(dealer)) {
                final Optional<RoundMember> holder = view.header().member(recovery.holder());
                final BigInteger value = Hex.scalar("share", recovery.share());
                if (holder.isPresent() && Feldman.verify(value, holder.get().index(), commit.commitments())) {
                    shares.add(new Lagrange.Share(holder.get().index(), value));
                }
            }
            if (shares.size() >= t) {
                secrets.put(dealer, Lagrange.secret(t, shares.subList(0, t)));
                how.put(dealer, RoundResult.RECOVERED);
            } else {
                missing.add(dealer);
            }
        }
        return new Secrets(qualified, secrets, how, missing);
    }

    /** @return whether s·G equals the dealer's C_0 */
    public static boolean revealMatches(final BigInteger secret, final RoundCommit commit) {
        return !secret.equals(BigInteger.ZERO)
                && P256.hex(P256.times(P256.G, secret))
                        .equals(P256.hex(P256.point(
                                "commitments[0]", commit.commitments().get(0))));
    }

    /**
     * @return the round's result (unstamped), computed from its pieces
     * @throws PovmException INVALID_STATE [round] when a qualified secret is missing or fewer than threshold qualify
     */
    public RoundResult compute(final RoundView view) {
        final RoundHeader header = view.header();
        final Secrets secrets = secrets(view);
        if (!secrets.complete(header.threshold())) {
            throw new PovmException(new io.povm.api.PovmError(
                    io.povm.api.ErrorCode.INVALID_STATE,
                    "round",
                    "round " + header.round() + " cannot close: "
                            + (secrets.qualified().size() < header.threshold()
                                    ? secrets.qualified().size() + " qualified dealers, " + header.threshold()
                                            + " needed"
                                    : "no secret yet for " + String.join(", ", secrets.missing()))));
        }
        final byte[] seed = SeedDerivation.seed(
                channel,
                chaincode,
                header.round(),
                HEX.parseHex(header.previousSeed()),
                HEX.parseHex(header.snapshotHash()),
                secrets.secrets());
        final byte[] lotterySeed = SeedDerivation.subSeed(seed, SeedDerivation.Purpose.LOTTERY);
        final List<RoundResult.Strike> strikes = strikes(view, secrets);
        final Set<String> struck = new TreeSet<>();
        strikes.forEach(s -> struck.add(s.msp()));
        return new RoundResult(
                header.round(),
                HEX.formatHex(seed),
                HEX.formatHex(lotterySeed),
                HEX.formatHex(SeedDerivation.subSeed(seed, SeedDerivation.Purpose.ASSIGN)),
                HEX.formatHex(SeedDerivation.subSeed(seed, SeedDerivation.Purpose.AUDIT)),
                secrets.qualified(),
                secrets.qualified().stream()
                        .map(msp ->
                                new RoundResult.Contribution(msp, secrets.how().get(msp)))
                        .toList(),
                strikes,
                lottery(header, lotterySeed, struck),
                null,
                null,
                null);
    }

    private List<RoundResult.Strike> strikes(final RoundView view, final Secrets secrets) {
        final Set<String> disqualified = disqualified(view);
        final List<RoundResult.Strike> strikes = new ArrayList<>();
        for (final String msp : view.header().msps()) {
            if (view.commit(msp).isEmpty()) {
                strikes.add(new RoundResult.Strike(msp, RoundResult.Strike.ABSENT));
            } else if (disqualified.contains(msp)) {
                strikes.add(new RoundResult.Strike(msp, RoundResult.Strike.DISQUALIFIED));
            } else if (RoundResult.RECOVERED.equals(secrets.how().get(msp))) {
                strikes.add(new RoundResult.Strike(msp, RoundResult.Strike.WITHHELD));
            }
        }
        return strikes;
    }

    /** Draws the round's winners, without replacement, among the tickets of orgs without a strike. */
    static RoundResult.Lottery lottery(final RoundHeader header, final byte[] lotterySeed, final Set<String> struck) {
        final List<TicketTotal> eligible = new ArrayList<>();
        final List<String> excluded = new ArrayList<>();
        for (final TicketTotal total : header.tickets()) {
            if (struck.contains(total.msp())) {
                excluded.add(total.workerKey());
            } else if (total.tickets() > 0) {
                eligible.add(total);
            }
        }
        final List<RoundResult.Winner> winners = new ArrayList<>();
        final List<TicketTotal> left = new ArrayList<>(eligible);
        final long each = header.reward() / header.winners();
        for (int draw = 0; draw < header.winners() && !left.isEmpty(); draw++) {
            final List<WeightedDraw.Entry> entries = WeightedDraw.eligible(left.stream()
                    .map(t -> new WeightedDraw.Entry(t.workerKey(), t.tickets()))
                    .toList());
            final long total = WeightedDraw.total(entries);
            final long x = UniformDraw.draw(drawSeed(lotterySeed, draw), total);
            final String key = WeightedDraw.at(entries, x);
            final TicketTotal won = left.stream()
                    .filter(t -> t.workerKey().equals(key))
                    .findFirst()
                    .orElseThrow();
            left.remove(won);
            winners.add(new RoundResult.Winner(
                    draw, won.workerKey(), won.msp(), won.fabricId(), won.tickets(), total, x, each));
        }
        return new RoundResult.Lottery(eligible, excluded, header.reward(), winners);
    }

    /** SHA-256(lotterySeed || draw index as 4 bytes): one independent sub-seed per winner drawn. */
    static byte[] drawSeed(final byte[] lotterySeed, final int draw) {
        return Sha256.hash(
                lotterySeed, ByteBuffer.allocate(Integer.BYTES).putInt(draw).array());
    }

    /** @return SHA-256 of the canonical JSON of the frozen tickets, the snapshot hash the seed commits to */
    public static String snapshotHash(final List<TicketTotal> tickets) {
        return HEX.formatHex(Sha256.hash(PovmJson.writeBytes(new TicketSnapshot(tickets))));
    }

    /** The frozen tickets as hashed. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"tickets"})
    record TicketSnapshot(@com.fasterxml.jackson.annotation.JsonProperty("tickets") List<TicketTotal> tickets) {}

    /** @return a list of every difference between the stored result and the recomputed one; empty when it verifies */
    public List<String> differences(final RoundView view) {
        final List<String> out = new ArrayList<>();
        if (!snapshotHash(view.header().tickets()).equals(view.header().snapshotHash())) {
            out.add("header.snapshotHash does not hash the frozen tickets");
        }
        if (view.result() == null) {
            out.add("the round is not closed");
            return out;
        }
        final RoundResult stored = view.result();
        final RoundResult again;
        try {
            again = compute(view);
        } catch (PovmException e) {
            out.add("cannot recompute: " + e.getMessage());
            return out;
        }
        compare(out, "seed", stored.seed(), again.seed());
        compare(out, "lotterySeed", stored.lotterySeed(), again.lotterySeed());
        compare(out, "assignSeed", stored.assignSeed(), again.assignSeed());
        compare(out, "auditSeed", stored.auditSeed(), again.auditSeed());
        compare(out, "qualified", stored.qualified(), again.qualified());
        compare(out, "contributions", stored.contributions(), again.contributions());
        compare(out, "strikes", stored.strikes(), again.strikes());
        compare(out, "lottery", stored.lottery(), again.lottery());
        return out;
    }

    private static void compare(final List<String> out, final String field, final Object stored, final Object again) {
        if (!java.util.Objects.equals(stored, again)) {
            out.add(field + ": stored " + stored + ", recomputed " + again);
        }
    }
}
