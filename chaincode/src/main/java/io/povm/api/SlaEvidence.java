// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.util.ArrayList;
import java.util.List;

/**
 * SLA evidence from the measurements in revealed results (see {@code docs/consensus.md}): usage over the SLA that a
 * worker reported as no limit hit is the worker's violation (it misreported); a limit hit by every replica that
 * revealed the winning answer is the customer's (the job exceeded what its SLA allows); a claim above the agreed
 * usage by more than the tolerance ({@link AgreedUsage}) is the worker's usage violation.
 */
final class SlaEvidence {
    private SlaEvidence() {}

    static List<Verdict.Violation> violations(
            final Job job, final SlaSpec sla, final List<Replica> phase, final String winner) {
        final long wallLimitMillis = sla.vm().maxWallSeconds() * 1000L;
        final long memoryLimit = sla.vm().memoryMiB() * 1024L * 1024L;
        final List<Verdict.Violation> found = new ArrayList<>();
        for (final Replica r : phase) {
            if (r.state() != ReplicaState.RESULT_REVEALED) {
                continue;
            }
            final ReplicaResult result = r.result().orElseThrow();
            if (result.limitHit() == SlaLimit.NONE && result.wallMillis() > wallLimitMillis) {
                found.add(new Verdict.Violation(
                        Verdict.Violation.WORKER,
                        r.workerKey(),
                        r.index(),
                        SlaLimit.TIMEOUT.name(),
                        "measured " + result.wallMillis() + " ms of wall time, over the SLA's " + wallLimitMillis
                                + " ms, but reported no limit hit"));
            }
            if (result.limitHit() == SlaLimit.NONE && result.peakMemoryBytes() > memoryLimit) {
                found.add(new Verdict.Violation(
                        Verdict.Violation.WORKER,
                        r.workerKey(),
                        r.index(),
                        SlaLimit.OOM_KILLED.name(),
                        "measured a peak of " + result.peakMemoryBytes() + " bytes, over the SLA's " + memoryLimit
                                + ", but reported no limit hit"));
            }
        }
        final List<Replica> winners = phase.stream()
                .filter(r -> winner != null && VerdictCount.agrees(r, winner))
                .toList();
        if (!winners.isEmpty()
                && winners.stream()
                        .allMatch(r -> VerdictCount.hitLimit(r.result().orElseThrow()))) {
            final Replica first = winners.get(0);
            found.add(new Verdict.Violation(
                    Verdict.Violation.CUSTOMER,
                    job.submitter().msp() + "/" + job.submitter().id(),
                    first.index(),
                    first.result().orElseThrow().limitHit().name(),
                    "every replica with the winning answer hit the SLA's "
                            + first.result().orElseThrow().limitHit() + " limit: the job needs more than SLA "
                            + sla.ref() + " allows"));
        }
        found.addAll(usage(phase, sla, winner));
        return found;
    }

    /** Over-claims among the counted phase's agreeing replicas (what the verdict counted; the pay counts them all). */
    private static List<Verdict.Violation> usage(final List<Replica> phase, final SlaSpec sla, final String winner) {
        if (winner == null) {
            return List.of();
        }
        final List<Verdict.Violation> found = new ArrayList<>();
        JobUsage.of(JobUsage.agreeing(phase, winner), sla).ifPresent(agreed -> agreed.overClaims()
                .forEach(c -> found.add(new Verdict.Violation(
                        Verdict.Violation.WORKER,
                        c.workerKey(),
                        c.replica(),
                        Verdict.Violation.USAGE,
                        "claimed " + c.wallMillis() + " ms of wall and " + c.cpuMillis() + " ms of CPU; the agreeing"
                                + " replicas support " + agreed.wallMillis() + " ms and " + agreed.cpuMillis()
                                + " ms, and it is paid on those"))));
        return found;
    }
}
