package io.povm.client.attestation;

import io.povm.api.AttestationCheck.Problem;
import io.povm.api.Job;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * (f) Counts a job's revealed results again and compares the count with its stored {@link Verdict}: the answers
 * grouped by result hash, the winner (k-vote: {@code (k+1)/2} agreeing replicas; iterative: a lead of the margin over
 * every other answer; a firm verdict: {@code (n+1)/2} of the n re-run replicas) and who agreed, disagreed, timed out
 * and faulted. A soft (or failed) verdict counts and judges the first-run replicas; a firm one counts the re-run
 * replicas and judges every replica. SLA violations are not recounted. See {@code docs/consensus.md}.
 */
final class VerdictRecount {
    /** What the replicas count to. */
    record Count(Map<String, List<String>> answers, Optional<String> winner, String rule) {}

    private VerdictRecount() {}

    /** @return the first part of the stored verdict that the recount does not reproduce; empty when all do */
    static Optional<Problem> firstProblem(final Job job, final Verdict verdict) {
        final Count count = count(job, verdict);
        if (!count.winner().equals(verdict.winner())) {
            return Optional.of(new Problem(
                    "verdict.resultHash",
                    "states " + verdict.winner().orElse("no winner") + " but the revealed results count to "
                            + count.winner().orElse("no winner") + " (" + count.rule() + ")"));
        }
        final Map<String, List<String>> stated = new TreeMap<>();
        verdict.answers().forEach(a -> stated.put(a.resultHash(), sorted(a.workers())));
        final Map<String, List<String>> counted = new TreeMap<>();
        count.answers().forEach((hash, workers) -> counted.put(hash, sorted(workers)));
        if (!stated.equals(counted)) {
            return Optional.of(new Problem(
                    "verdict.answers", "states " + stated + " but the revealed results group to " + counted));
        }
        final List<Replica> judged = Verdict.FIRM.equals(verdict.stage()) ? job.replicas() : counted(job, verdict);
        final List<String> agreed = new ArrayList<>();
        final List<String> disagreed = new ArrayList<>();
        judged.stream().filter(r -> r.state() == ReplicaState.RESULT_REVEALED).forEach(r -> {
            final boolean wins = r.result()
                    .map(result ->
                            count.winner().filter(result.resultHash()::equals).isPresent())
                    .orElse(false);
            (wins ? agreed : disagreed).add(r.workerKey());
        });
        return first(
                same("verdict.agreed", verdict.agreed(), agreed),
                same("verdict.disagreed", verdict.disagreed(), disagreed),
                same(
                        "verdict.timedOut",
                        verdict.timedOut(),
                        workersIn(judged, ReplicaState.LEASE_EXPIRED, ReplicaState.UNREVEALED)),
                same("verdict.faulted", verdict.faulted(), workersIn(judged, ReplicaState.FAULTED)));
    }

    /** @return the answers the counted replicas revealed and which of them wins */
    static Count count(final Job job, final Verdict verdict) {
        final Map<String, List<String>> answers = new LinkedHashMap<>();
        for (final Replica replica : counted(job, verdict)) {
            if (replica.state() == ReplicaState.RESULT_REVEALED
                    && replica.result().isPresent()) {
                answers.computeIfAbsent(replica.result().get().resultHash(), h -> new ArrayList<>())
                        .add(replica.workerKey());
            }
        }
        final Redundancy redundancy = job.spec().redundancy();
        if (Verdict.FIRM.equals(verdict.stage()) || redundancy == null || !redundancy.isIterative()) {
            final int phase = counted(job, verdict).size();
            final int voters = Verdict.FIRM.equals(verdict.stage())
                    ? job.dispute().map(d -> d.rerunReplicas()).orElse(phase)
                    : redundancy == null ? phase : redundancy.replicas().orElse(phase);
            final int needed = (voters + 1) / 2;
            final Optional<String> winner = answers.entrySet().stream()
                    .filter(e -> e.getValue().size() >= needed && needed > 0)
                    .map(Map.Entry::getKey)
                    .findFirst();
            return new Count(answers, winner, "majority of " + voters + " needs " + needed);
        }
        final int margin = redundancy.margin().orElse(1);
        final List<Map.Entry<String, List<String>>> ranked = answers.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) ->
                                e.getValue().size())
                        .reversed())
                .collect(Collectors.toList());
        final int lead = ranked.isEmpty()
                ? 0
                : ranked.get(0).getValue().size()
                        - (ranked.size() > 1 ? ranked.get(1).getValue().size() : 0);
        final Optional<String> winner =
                !ranked.isEmpty() && lead >= margin ? Optional.of(ranked.get(0).getKey()) : Optional.empty();
        return new Count(answers, winner, "iterative: a lead of " + margin + " wins; the leader has " + lead);
    }

    /** @return the replicas a verdict of this stage counts: first-run ones for soft or none, re-run ones for firm */
    private static List<Replica> counted(final Job job, final Verdict verdict) {
        final boolean firm = Verdict.FIRM.equals(verdict.stage());
        return job.replicas().stream().filter(r -> r.rerun() == firm).collect(Collectors.toList());
    }

    private static List<String> workersIn(final List<Replica> replicas, final ReplicaState... states) {
        final List<ReplicaState> wanted = List.of(states);
        return replicas.stream()
                .filter(r -> wanted.contains(r.state()))
                .map(Replica::workerKey)
                .collect(Collectors.toList());
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
