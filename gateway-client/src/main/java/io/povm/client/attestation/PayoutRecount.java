// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import io.povm.api.AgreedUsage;
import io.povm.api.AttestationCheck.Problem;
import io.povm.api.Job;
import io.povm.api.JobUsage;
import io.povm.api.PayoutRule;
import io.povm.api.Replica;
import io.povm.api.Settlement;
import io.povm.api.SlaSpec;
import io.povm.client.attestation.AttestationReport.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * (g) Recomputes a settled job's payouts from its stored attestations with the chaincode's own rules ({@link
 * PayoutRule}, {@link AgreedUsage}): every payout must pay a replica the final verdict pays, on the agreed VM
 * milliseconds, due {@code floor(price x vmMillis x permille / 10^6)} and no more; and every replica the verdict pays
 * must have a payout. The worker's multiplier (permille) comes from its reputation at settlement, which the evidence
 * does not hold: the entry's own is taken, and the rest must follow from it. Each failure names the replica.
 */
final class PayoutRecount {
    private PayoutRecount() {}

    /**
     * @param job the job with each revealed replica's result as its stored attestation states it
     * @return a failed finding per payout that does not follow, subject {@code payout of replica N (WORKER)}
     */
    static List<Finding> problems(final Job job, final SlaSpec sla, final Settlement settlement) {
        final List<Finding> found = new ArrayList<>();
        if (!Settlement.SETTLE.equals(settlement.kind())) {
            return found;
        }
        final List<Replica> paid = PayoutRule.paid(job);
        final Set<Integer> payable = paid.stream().map(Replica::index).collect(Collectors.toSet());
        final Optional<AgreedUsage> usage = JobUsage.of(job, sla);
        final Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < settlement.entries().size(); i++) {
            final Settlement.Entry entry = settlement.entries().get(i);
            if (!Settlement.Entry.PAYOUT.equals(entry.kind()) || entry.replica() == null) {
                continue;
            }
            final String field = "settlement.entries[" + i + "]";
            final String subject = "payout of replica " + entry.replica() + " (" + entry.workerKey() + ")";
            if (!payable.contains(entry.replica())) {
                found.add(Finding.failed(
                        subject,
                        new Problem(
                                field + ".replica",
                                "pays replica " + entry.replica() + ", which did not reveal the winning answer or whose"
                                        + " worker has a violation that forfeits pay")));
                continue;
            }
            if (!seen.add(entry.replica())) {
                found.add(Finding.failed(
                        subject,
                        new Problem(field + ".replica", "pays replica " + entry.replica() + " a second time")));
                continue;
            }
            check(entry, sla, usage.orElseThrow(), field).ifPresent(p -> found.add(Finding.failed(subject, p)));
        }
        for (final Replica replica : paid) {
            if (!seen.contains(replica.index())) {
                found.add(Finding.failed(
                        "payout of replica " + replica.index() + " (" + replica.workerKey() + ")",
                        new Problem(
                                "settlement.entries",
                                "has no payout for this replica, which revealed the winning answer")));
            }
        }
        return found;
    }

    private static Optional<Problem> check(
            final Settlement.Entry entry, final SlaSpec sla, final AgreedUsage usage, final String field) {
        final long vmMillis = usage.vmMillis(sla.vm().maxWallSeconds());
        if (entry.vmMillis() == null || entry.permille() == null) {
            return Optional.of(new Problem(
                    field, "states no vmMillis or permille, so its due of " + entry.due() + " cannot be recomputed"));
        }
        if (entry.vmMillis() != vmMillis) {
            return Optional.of(new Problem(
                    field + ".vmMillis",
                    "states " + entry.vmMillis() + " but the stored attestations agree on " + vmMillis + " ms ("
                            + usage.wallMillis() + " ms of wall, at most "
                            + sla.vm().maxWallSeconds() + " s)"));
        }
        final long due = PayoutRule.due(sla.vm().pricePerVmSecond(), vmMillis, entry.permille());
        if (entry.due() == null || entry.due() != due) {
            return Optional.of(new Problem(
                    field + ".due",
                    "states " + entry.due() + " but price " + sla.vm().pricePerVmSecond() + " x " + vmMillis + " ms x "
                            + entry.permille() + "/1000 is " + due));
        }
        if (entry.amount() > due) {
            return Optional.of(new Problem(field + ".amount", "pays " + entry.amount() + ", more than its due " + due));
        }
        return Optional.empty();
    }
}
