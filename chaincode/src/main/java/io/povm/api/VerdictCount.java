// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Counts the revealed results of one phase of a job: its first run (k-vote or iterative redundancy) or, while the
 * job is RESOLVING a dispute, the re-run (majority of the re-run replicas). A pure function of the job and its SLA;
 * see {@code docs/consensus.md}.
 */
public final class VerdictCount {
    private VerdictCount() {}

    /** What the count found. */
    public enum Kind {
        /** Some replica of the phase is still leased or has committed without revealing: nothing to count yet. */
        PENDING,
        /** An answer won. */
        WON,
        /** No answer won and none can any more: the job fails. */
        NO_WINNER,
        /** Iterative redundancy: no answer leads by the margin yet and the cap allows another replica. */
        NEEDS_REPLICA
    }

    /**
     * @param verdict the verdict as counted; for PENDING a placeholder with no answers
     */
    public record Outcome(Kind kind, Verdict verdict) {}

    /** @return whether the replica belongs to the phase being counted (the re-run while RESOLVING) */
    public static boolean inPhase(final Job job, final Replica replica) {
        return replica.rerun() == (job.state() == JobState.RESOLVING || job.state() == JobState.CHALLENGED);
    }

    public static Outcome count(final Job job, final SlaSpec sla, final String at) {
        return count(job, sla, at, r -> false);
    }

    /**
     * @param unchecked for an adaptive job's single replica: whether its worker is trusted and the random spot check
     *     passed it by (see {@code SpotCheck})
     */
    public static Outcome count(final Job job, final SlaSpec sla, final String at, final Predicate<Replica> unchecked) {
        final List<Replica> phase =
                job.replicas().stream().filter(r -> inPhase(job, r)).toList();
        final boolean pending =
                phase.stream().anyMatch(r -> r.isLeased() || r.state() == ReplicaState.RESULT_COMMITTED);
        final Map<String, List<Replica>> byAnswer = answers(phase);
        final List<Map.Entry<String, List<Replica>>> ranked = new ArrayList<>(byAnswer.entrySet());
        ranked.sort(Comparator.comparingInt(
                (Map.Entry<String, List<Replica>> e) -> -e.getValue().size()));
        final int top = ranked.isEmpty() ? 0 : ranked.get(0).getValue().size();
        final int second = ranked.size() < 2 ? 0 : ranked.get(1).getValue().size();
        final String leader = ranked.isEmpty() ? null : ranked.get(0).getKey();
        final boolean dispute = job.state() == JobState.RESOLVING;
        final Redundancy redundancy = job.spec().redundancy();
        final Kind kind;
        final String reason;
        final List<Replica> live = phase.stream()
                .filter(r -> r.state() != ReplicaState.RELEASED && r.state() != ReplicaState.LEASE_EXPIRED)
                .toList();
        if (pending) {
            kind = Kind.PENDING;
            reason = "replicas are still running or have not revealed";
        } else if (!dispute && redundancy.isAdaptive() && live.size() == 1) {
            final Replica single = live.get(0);
            final boolean skip = single.state() == ReplicaState.RESULT_REVEALED && unchecked.test(single);
            kind = skip ? Kind.WON : Kind.NEEDS_REPLICA;
            reason = skip
                    ? "adaptive replication: " + single.workerKey() + " is trusted and was not drawn for a spot check"
                    : "adaptive replication: " + single.workerKey() + "'s answer is spot-checked by "
                            + redundancy.replicas().orElse(1) + " replicas";
        } else if (dispute || !redundancy.isIterative()) {
            final int k = dispute
                    ? job.dispute().map(d -> d.rerunReplicas()).orElse(phase.size())
                    : redundancy.replicas().orElse(phase.size());
            final int need = (k + 1) / 2;
            kind = top >= need ? Kind.WON : Kind.NO_WINNER;
            reason = top + " of " + k + (dispute ? " re-run" : "") + " replicas agree ("
                    + (dispute ? "the re-run" : "k-vote") + " needs " + need + ")";
        } else {
            final int margin = redundancy.margin().orElse(1);
            final long drawn = phase.stream()
                    .filter(r -> r.state() != ReplicaState.RELEASED)
                    .count();
            final int cap = redundancy.cap().orElse(phase.size());
            if (top > 0 && top - second >= margin) {
                kind = Kind.WON;
            } else {
                kind = drawn < cap ? Kind.NEEDS_REPLICA : Kind.NO_WINNER;
            }
            reason = "the leading answer has " + top + " vote(s) against " + second + " (iterative margin " + margin
                    + ", " + drawn + " of at most " + cap + " replicas drawn)";
        }
        final String winner = kind == Kind.WON ? leader : null;
        return new Outcome(kind, verdict(job, sla, phase, ranked, winner, dispute, at, reason));
    }

    private static Map<String, List<Replica>> answers(final List<Replica> phase) {
        final Map<String, List<Replica>> byAnswer = new LinkedHashMap<>();
        for (final Replica r : phase) {
            if (r.state() == ReplicaState.RESULT_REVEALED) {
                byAnswer.computeIfAbsent(r.result().orElseThrow().resultHash(), h -> new ArrayList<>())
                        .add(r);
            }
        }
        return byAnswer;
    }

    private static Verdict verdict(
            final Job job,
            final SlaSpec sla,
            final List<Replica> phase,
            final List<Map.Entry<String, List<Replica>>> ranked,
            final String winner,
            final boolean dispute,
            final String at,
            final String reason) {
        final List<Verdict.Answer> answers = new ArrayList<>();
        ranked.forEach(e -> answers.add(new Verdict.Answer(
                e.getKey(), e.getValue().stream().map(Replica::workerKey).toList())));
        final List<String> agreed = new ArrayList<>();
        final List<String> disagreed = new ArrayList<>();
        final List<String> timedOut = new ArrayList<>();
        final List<String> faulted = new ArrayList<>();
        for (final Replica r : dispute ? job.replicas() : phase) {
            switch (r.state()) {
                case RESULT_REVEALED -> {
                    if (winner != null && winner.equals(r.result().orElseThrow().resultHash())) {
                        agreed.add(r.workerKey());
                    } else {
                        disagreed.add(r.workerKey());
                    }
                }
                case LEASE_EXPIRED, UNREVEALED -> timedOut.add(r.workerKey());
                case FAULTED -> faulted.add(r.workerKey());
                default -> {}
            }
        }
        final String stage = winner == null ? Verdict.NONE : dispute ? Verdict.FIRM : Verdict.SOFT;
        return new Verdict(
                stage,
                winner,
                at,
                answers,
                agreed,
                disagreed,
                timedOut,
                faulted,
                SlaEvidence.violations(job, sla, phase, winner),
                reason);
    }

    /** @return whether a replica revealed the winning answer */
    public static boolean agrees(final Replica replica, final String winner) {
        return replica.state() == ReplicaState.RESULT_REVEALED
                && replica.result()
                        .map(ReplicaResult::resultHash)
                        .filter(winner::equals)
                        .isPresent();
    }

    public static boolean hitLimit(final ReplicaResult result) {
        return result.limitHit() != SlaLimit.NONE;
    }
}
