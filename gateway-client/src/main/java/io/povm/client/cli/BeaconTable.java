// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.RoundResult;
import io.povm.api.beacon.RoundView;
import io.povm.api.beacon.TicketTotal;
import java.io.PrintWriter;
import java.util.List;

/** Human-readable beacon rounds and lottery draws. */
final class BeaconTable {
    private BeaconTable() {}

    static void round(final RoundView view, final PrintWriter out) {
        final var h = view.header();
        out.printf("round %d  %s  (%s)%n", h.round(), view.phase(), view.note());
        out.printf(
                "opened   %s by %s; commit by %s, check by %s, reveal by %s%n",
                h.openedAt(), h.openedBy(), h.commitBy(), h.checkBy(), h.revealBy());
        out.printf("members  %s (threshold %d)%n", String.join(", ", h.msps()), h.threshold());
        for (final String msp : h.msps()) {
            out.printf(
                    "  %-10s commit %-3s check %-3s reveal %-3s%s%n",
                    msp,
                    yes(view.commit(msp).isPresent()),
                    view.check(msp)
                            .map(c -> c.complaints().isEmpty() ? "yes" : "complained")
                            .orElse("no"),
                    yes(view.reveal(msp).isPresent()),
                    view.recoveriesOf(msp).isEmpty()
                            ? ""
                            : "  recovery shares: " + view.recoveriesOf(msp).size());
        }
        out.printf(
                "tickets  %s frozen for %d workers, snapshot %s%n",
                h.ticketMode(), h.tickets().size(), h.snapshotHash());
        if (view.result() != null) {
            final RoundResult r = view.result();
            out.printf("seed     %s%n", r.seed());
            out.printf("closed   %s by %s%n", r.closedAt(), r.closedBy());
            r.contributions().forEach(c -> out.printf("  %-10s secret %s%n", c.msp(), c.how()));
            r.strikes().forEach(s -> out.printf("strike   %s: %s%n", s.msp(), s.reason()));
            r.lottery()
                    .winners()
                    .forEach(w -> out.printf(
                            "winner   %s (%s) with %d of %d tickets, paid %d credits%n",
                            w.workerKey(), w.msp(), w.tickets(), w.total(), w.amount()));
            if (r.lottery().winners().isEmpty()) {
                out.println("winner   none: no eligible tickets in this round");
            }
        }
        out.flush();
    }

    private static String yes(final boolean value) {
        return value ? "yes" : "no";
    }

    /** The draw explained: every input, the cumulative ranges, the uniform x and who it falls on. */
    static void lottery(
            final RoundView view,
            final List<String> ticketDifferences,
            final List<String> differences,
            final PrintWriter out) {
        final var h = view.header();
        out.printf("lottery of beacon round %d (%s tickets)%n", h.round(), h.ticketMode());
        out.printf("frozen tickets (snapshot %s):%n", h.snapshotHash());
        if (h.tickets().isEmpty()) {
            out.println("  none: no verified work was settled since the previous round");
        }
        for (final TicketTotal t : h.tickets()) {
            out.printf("  %-24s %-10s %12d  %s%n", t.workerKey(), t.msp(), t.tickets(), t.why());
        }
        if (BeaconConfig.POVM.equals(h.ticketMode())) {
            out.println(
                    ticketDifferences.isEmpty()
                            ? "recomputed from the settlements that earned them (agreed VM-ms x payout multiplier):"
                                    + " the frozen tickets match"
                            : "TICKETS DO NOT FOLLOW FROM THE SETTLEMENTS: " + String.join("; ", ticketDifferences));
        }
        if (view.result() == null) {
            out.printf("not drawn yet: the round is %s (%s)%n", view.phase(), view.note());
            out.flush();
            return;
        }
        final RoundResult r = view.result();
        if (!r.lottery().excluded().isEmpty()) {
            out.printf(
                    "excluded (their org has a strike this round): %s%n",
                    String.join(", ", r.lottery().excluded()));
        }
        out.printf("seed %s%nlottery seed SHA-256(seed || \"lottery\") = %s%n", r.seed(), r.lotterySeed());
        long from = 0;
        out.println("eligible, in id order, with their ranges:");
        for (final TicketTotal t : r.lottery().eligible().stream()
                .sorted((a, b) -> a.workerKey().compareTo(b.workerKey()))
                .toList()) {
            out.printf("  [%d, %d)  %s%n", from, from + t.tickets(), t.workerKey());
            from += t.tickets();
        }
        for (final RoundResult.Winner w : r.lottery().winners()) {
            out.printf(
                    "draw %d: x = %d in [0, %d) (rejection-sampled from SHA-256(lottery seed || %d)) -> %s,"
                            + " paid %d credits%n",
                    w.draw(), w.x(), w.total(), w.draw(), w.workerKey(), w.amount());
        }
        if (r.lottery().winners().isEmpty()) {
            out.println("no winner: no eligible tickets");
        }
        out.println(
                differences.isEmpty()
                        ? "recomputed from the ledger's pieces: the seed, strikes and draw match what is stored"
                        : "DOES NOT VERIFY: " + String.join("; ", differences));
        out.flush();
    }
}
