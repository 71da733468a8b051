// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import io.povm.api.AttestationCheck.Problem;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.SlaSpec;
import io.povm.api.Verdict;
import io.povm.api.VerdictCount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * (f) Counts a job's revealed results again with the chaincode's own {@link VerdictCount}, as the chaincode counted
 * them when it reached the stored {@link Verdict}, and compares: the winner, the answers grouped by result hash, who
 * agreed, disagreed, timed out and faulted, and the violations (SLA evidence and over-claimed usage). A soft (or
 * failed) verdict is counted over the first-run replicas, a firm one over the re-run replicas. An adaptive job's lone
 * replica counts as passed by the spot check when no spot-check replica was drawn. See {@code docs/consensus.md}.
 */
final class VerdictRecount {
    private VerdictRecount() {}

    /** @return the chaincode's count of the job's results, at the stage the stored verdict claims */
    static VerdictCount.Outcome count(final Job job, final SlaSpec sla, final Verdict stored) {
        final JobState counting = Verdict.FIRM.equals(stored.stage()) ? JobState.RESOLVING : JobState.RESULTS_PENDING;
        return VerdictCount.count(
                job.withState(counting, stored.decidedAt(), Optional.empty()), sla, stored.decidedAt(), r -> true);
    }

    /** @return the first part of the stored verdict that the recount does not reproduce; empty when all do */
    static Optional<Problem> firstProblem(final Job job, final SlaSpec sla, final Verdict stored) {
        final VerdictCount.Outcome outcome = count(job, sla, stored);
        final Verdict counted = outcome.verdict();
        if (outcome.kind() == VerdictCount.Kind.PENDING || !counted.winner().equals(stored.winner())) {
            return Optional.of(new Problem(
                    "verdict.resultHash",
                    "states " + stored.winner().orElse("no winner") + " but the revealed results count to "
                            + counted.winner().orElse("no winner") + " (" + counted.reason() + ")"));
        }
        final Map<String, List<String>> stated = answers(stored);
        final Map<String, List<String>> recounted = answers(counted);
        if (!stated.equals(recounted)) {
            return Optional.of(new Problem(
                    "verdict.answers", "states " + stated + " but the revealed results group to " + recounted));
        }
        return first(
                same("verdict.agreed", stored.agreed(), counted.agreed()),
                same("verdict.disagreed", stored.disagreed(), counted.disagreed()),
                same("verdict.timedOut", stored.timedOut(), counted.timedOut()),
                same("verdict.faulted", stored.faulted(), counted.faulted()),
                stored.violations().equals(counted.violations())
                        ? Optional.empty()
                        : Optional.of(new Problem(
                                "verdict.violations",
                                "states " + stored.violations() + " but the recount gives " + counted.violations())));
    }

    private static Map<String, List<String>> answers(final Verdict verdict) {
        final Map<String, List<String>> byHash = new TreeMap<>();
        verdict.answers().forEach(a -> byHash.put(a.resultHash(), sorted(a.workers())));
        return byHash;
    }

    private static Optional<Problem> same(final String field, final List<String> stated, final List<String> counted) {
        return sorted(stated).equals(sorted(counted))
                ? Optional.empty()
                : Optional.of(new Problem(field, "states " + stated + " but the recount gives " + counted));
    }

    @SafeVarargs
    private static Optional<Problem> first(final Optional<Problem>... checks) {
        for (final Optional<Problem> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }

    private static List<String> sorted(final List<String> workers) {
        return workers.stream().sorted().collect(Collectors.toList());
    }
}
