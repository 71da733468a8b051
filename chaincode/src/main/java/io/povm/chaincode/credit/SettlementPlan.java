// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import io.povm.api.AgreedUsage;
import io.povm.api.CreditHold;
import io.povm.api.Dispute;
import io.povm.api.Job;
import io.povm.api.PayoutRule;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.Settlement;
import io.povm.api.SlaSpec;
import io.povm.api.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who gets which of a job's held credits, without Fabric (see {@code docs/consensus.md}, "Credits"):
 *
 * <ul>
 *   <li>Paid: the replicas {@link PayoutRule#paid} names; {@code floor(price x min(agreed wallMillis,
 *       maxWallSeconds x 1000) x permille / 10^6)}, on the agreed usage ({@link AgreedUsage}), never on the worker's
 *       own claim.
 *   <li>First-run replicas are paid from the escrow. Re-run replicas are paid by the loser of the dispute: from the
 *       challenger's deposit unless the verdict was OVERTURNED, from the escrow (the wrong workers' unpaid share)
 *       when it was. A random audit has no challenger: an audit that did not overturn the verdict is paid by a
 *       mint, as the network's cost of checking, and the supply grows by as much.
 *   <li>In replica order; when a pot runs dry, later payees get what is left, and the entry says so.
 *   <li>What is left in each pot returns to its owner.
 * </ul>
 */
final class SettlementPlan {
    private final Map<String, Pot> pots = new LinkedHashMap<>();
    private final List<Settlement.Entry> entries = new ArrayList<>();
    private final Optional<CreditHold> escrow;
    private final List<CreditHold> deposits;

    private SettlementPlan(final Optional<CreditHold> escrow, final List<CreditHold> deposits) {
        this.escrow = escrow;
        this.deposits = List.copyOf(deposits);
        escrow.ifPresent(hold -> pots.put(CreditHold.ESCROW, new Pot(hold)));
        deposits.forEach(hold -> pots.put(depositName(hold.msp(), hold.fabricId()), new Pot(hold)));
    }

    /** @return the settlement of a job that became CANCELLED, EXPIRED or FAILED: every pot back to its owner */
    static Settlement refund(
            final Job job, final Optional<CreditHold> escrow, final List<CreditHold> deposits, final Stamp stamp) {
        final SettlementPlan plan = new SettlementPlan(escrow, deposits);
        plan.returnRest(
                "the job is " + job.state() + ": the escrow returns to the submitter",
                "the job is " + job.state() + ": the deposit returns to the challenger");
        return plan.settlement(job, Settlement.REFUND, Optional.empty(), Optional.empty(), stamp);
    }

    /**
     * @param payees the account and multiplier of a worker by its registry key; empty when the worker is unknown
     *     (its replica is then not paid)
     * @return the settlement of a FINALIZED job
     */
    static Settlement settle(
            final Job job,
            final SlaSpec sla,
            final Optional<CreditHold> escrow,
            final List<CreditHold> deposits,
            final Function<String, Optional<Payee>> payees,
            final Optional<AgreedUsage> usage,
            final Stamp stamp) {
        final SettlementPlan plan = new SettlementPlan(escrow, deposits);
        final Optional<String> winner = job.verdict().flatMap(Verdict::winner);
        final Optional<String> outcome = job.dispute().flatMap(Dispute::decision);
        for (Replica replica : PayoutRule.paid(job)) {
            payees.apply(replica.workerKey())
                    .ifPresent(payee ->
                            plan.pay(replica, payee, sla, usage.orElseThrow(), plan.potOf(replica, job, outcome)));
        }
        final boolean overturned = outcome.filter(Dispute.OVERTURNED::equals).isPresent();
        plan.returnRest(
                "rest of the escrow returns to the submitter",
                overturned
                        ? "the challenge overturned the verdict: the deposit returns to the challenger"
                        : "rest of the deposit returns to the challenger");
        return plan.settlement(job, Settlement.SETTLE, winner, outcome, stamp);
    }

    private Optional<Pot> potOf(final Replica replica, final Job job, final Optional<String> outcome) {
        if (!replica.rerun() || outcome.filter(Dispute.OVERTURNED::equals).isPresent()) {
            return Optional.ofNullable(pots.get(CreditHold.ESCROW));
        }
        if (job.dispute().flatMap(Dispute::audit).isPresent()) {
            return Optional.of(Pot.mint());
        }
        return job.dispute()
                .map(d -> pots.get(
                        depositName(d.challenger().msp(), d.challenger().id())));
    }

    private void pay(
            final Replica replica,
            final Payee payee,
            final SlaSpec sla,
            final AgreedUsage usage,
            final Optional<Pot> pot) {
        final long price = sla.vm().pricePerVmSecond();
        final long wall = usage.wallMillis();
        final long claimed = replica.result().map(ReplicaResult::wallMillis).orElse(0L);
        final long vmMillis = usage.vmMillis(sla.vm().maxWallSeconds());
        final long due = PayoutRule.due(price, vmMillis, payee.permille());
        final long left = pot.map(p -> p.left).orElse(0L);
        final long amount = Math.min(due, left);
        pot.ifPresent(p -> p.left -= amount);
        final String from = pot.map(Pot::kind).orElse(replica.rerun() ? CreditHold.DEPOSIT : CreditHold.ESCROW);
        final String why = "price " + price + " x min(" + wall + " ms agreed"
                + (claimed == wall ? "" : " (claimed " + claimed + ")")
                + ", " + sla.vm().maxWallSeconds() + " s) x "
                + payee.permille() + "/1000 = " + due + (replica.rerun() ? ", re-run replica" : "")
                + (amount < due ? "; the " + from + " had only " + left + " left" : "");
        entries.add(new Settlement.Entry(
                Settlement.Entry.PAYOUT,
                payee.msp(),
                payee.fabricId(),
                amount,
                from,
                replica.workerKey(),
                replica.index(),
                due,
                vmMillis,
                payee.permille(),
                why));
    }

    private void returnRest(final String escrowWhy, final String depositWhy) {
        for (Pot pot : pots.values()) {
            if (pot.left > 0) {
                final boolean isEscrow = CreditHold.ESCROW.equals(pot.hold.kind());
                entries.add(Settlement.Entry.refund(pot.hold, pot.left, isEscrow ? escrowWhy : depositWhy));
                pot.left = 0;
            }
        }
    }

    private Settlement settlement(
            final Job job,
            final String kind,
            final Optional<String> winner,
            final Optional<String> outcome,
            final Stamp stamp) {
        return new Settlement(
                job.id(),
                kind,
                job.state(),
                stamp.at(),
                stamp.txId(),
                winner.orElse(null),
                outcome.orElse(null),
                escrow.map(CreditHold::amount).orElse(0L),
                deposits.stream().mapToLong(CreditHold::amount).sum(),
                entries);
    }

    private static String depositName(final String msp, final String fabricId) {
        return CreditHold.DEPOSIT + "/" + msp + "/" + fabricId;
    }

    /** When and in which transaction. */
    record Stamp(String at, String txId) {}

    /** A held amount and what is left of it; or the mint, which holds nothing and never runs dry. */
    private static final class Pot {
        private final CreditHold hold;
        private long left;

        private Pot(final CreditHold hold) {
            this.hold = hold;
            this.left = hold.amount();
        }

        private Pot() {
            this.hold = null;
            this.left = Long.MAX_VALUE;
        }

        static Pot mint() {
            return new Pot();
        }

        String kind() {
            return hold == null ? Settlement.Entry.MINT : hold.kind();
        }
    }
}
