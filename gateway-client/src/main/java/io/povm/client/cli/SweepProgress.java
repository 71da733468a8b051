// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.Replica;
import io.povm.client.usage.SweepJob;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The one-line progress report of {@code povm job sweep} while it waits: how many jobs are done, then where each other
 * job is, with its replicas' states, e.g. {@code [ 42s] 3/10 done | demo-4 RUNNING(running,committed,assigned) |
 * waiting for workers: demo-5 demo-6}.
 */
final class SweepProgress {
    private SweepProgress() {}

    /** @return the line for {@code jobs} (in seed order) after {@code seconds}; {@code done} says which are done */
    static String line(final long seconds, final List<Job> jobs, final Predicate<SweepJob> done) {
        final List<Job> open =
                jobs.stream().filter(job -> !done.test(SweepJob.of(job))).toList();
        final StringBuilder line = new StringBuilder(
                String.format(Locale.ROOT, "[%4ds] %d/%d done", seconds, jobs.size() - open.size(), jobs.size()));
        open.stream().filter(job -> !job.replicas().isEmpty()).forEach(job -> line.append(" | ")
                .append(where(job)));
        final List<String> waiting = open.stream()
                .filter(job -> job.replicas().isEmpty())
                .map(SweepProgress::seed)
                .toList();
        if (!waiting.isEmpty()) {
            line.append(" | waiting for workers: ").append(String.join(" ", waiting));
        }
        return line.toString();
    }

    private static String seed(final Job job) {
        return job.spec().env().getOrDefault("SEED", job.id());
    }

    private static String where(final Job job) {
        return seed(job) + " " + job.state()
                + job.replicas().stream().map(SweepProgress::replica).collect(Collectors.joining(",", "(", ")"));
    }

    private static String replica(final Replica replica) {
        return switch (replica.state()) {
            case RESULT_COMMITTED -> "committed";
            case RESULT_REVEALED -> "revealed";
            default -> replica.state().name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }
}
