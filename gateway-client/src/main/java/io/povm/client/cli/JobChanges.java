// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.ReplicaState;
import io.povm.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What changed between two readings of a job, as lines for people: its state, each replica's worker and state (with
 * the commits and reveals counted), the verdict and the dispute. {@code povm job watch} prints each change once.
 */
final class JobChanges {
    private JobChanges() {}

    /** @return the lines that describe {@code current}, given what was printed for {@code previous} (if any) */
    static List<String> between(final Optional<Job> previous, final Job current) {
        final List<String> lines = new ArrayList<>();
        if (previous.isEmpty()) {
            lines.add("job " + current.id() + " " + current.state() + reason(current) + ": SLA "
                    + current.spec().sla() + ", " + current.spec().redundancy().describe() + ", deadline "
                    + current.spec().deadline());
        } else if (previous.get().state() != current.state()) {
            lines.add("state " + previous.get().state() + " -> " + current.state() + reason(current));
        }
        final List<Replica> before = previous.map(Job::replicas).orElse(List.of());
        boolean replicasChanged = false;
        for (Replica replica : current.replicas()) {
            final Optional<Replica> old =
                    before.stream().filter(r -> r.index() == replica.index()).findFirst();
            final Optional<String> line = replica(old, replica);
            if (line.isPresent()) {
                lines.add(line.get());
                replicasChanged = true;
            }
        }
        if (replicasChanged && !previous.map(JobChanges::tally).equals(Optional.of(tally(current)))) {
            lines.add(tally(current));
        }
        final Optional<Verdict> verdict = current.verdict();
        if (verdict.isPresent() && !verdict.equals(previous.flatMap(Job::verdict))) {
            lines.add("verdict " + verdict.get().stage() + ": winner "
                    + verdict.get().winner().orElse("none")
                    + ", agreed " + verdict.get().agreed().size() + ", disagreed "
                    + verdict.get().disagreed().size()
                    + ", timed out " + verdict.get().timedOut().size() + ", faulted "
                    + verdict.get().faulted().size() + " (" + verdict.get().reason() + ")");
        }
        if (current.dispute().isPresent() && !current.dispute().equals(previous.flatMap(Job::dispute))) {
            lines.add("dispute by " + current.dispute().get().challenger().msp() + ": "
                    + current.dispute().get().decision().orElse("re-run in progress"));
        }
        return lines;
    }

    private static Optional<String> replica(final Optional<Replica> old, final Replica replica) {
        final String who = "replica " + replica.index() + " (" + replica.workerKey() + ")";
        if (old.isEmpty() || !old.get().workerKey().equals(replica.workerKey())) {
            return Optional.of(who + ": " + replica.state() + result(replica) + rerun(replica));
        }
        if (old.get().state() != replica.state()) {
            return Optional.of(who + ": " + old.get().state() + " -> " + replica.state() + result(replica)
                    + replica.fault().map(f -> " (" + f + ")").orElse(""));
        }
        return Optional.empty();
    }

    private static String result(final Replica replica) {
        return replica.result()
                .map(r -> ", exit code " + r.exitCode() + ", result " + shortHash(r))
                .orElse("");
    }

    private static String shortHash(final ReplicaResult result) {
        final String hash = result.resultHash();
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    private static String rerun(final Replica replica) {
        return replica.rerun() ? " (dispute re-run)" : "";
    }

    /** @return e.g. {@code commits 2/3, reveals 1/3} over the replicas still in the race */
    static String tally(final Job job) {
        final List<Replica> counted = job.replicas().stream()
                .filter(r -> r.state() != ReplicaState.LEASE_EXPIRED && r.state() != ReplicaState.RELEASED)
                .toList();
        final long committed =
                counted.stream().filter(r -> r.commitment().isPresent()).count();
        final long revealed = counted.stream()
                .filter(r -> r.state() == ReplicaState.RESULT_REVEALED)
                .count();
        return "commits " + committed + "/" + counted.size() + ", reveals " + revealed + "/" + counted.size();
    }

    private static String reason(final Job job) {
        return job.stateReason().map(r -> " (" + r + ")").orElse("");
    }
}
