package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.client.job.JobClient;
import io.povm.client.usage.SweepJob;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Submits the jobs of a sweep one after the other, then reads the open ones until each is done, printing progress:
 * a line whenever a job moves on, and at least every heartbeat.
 */
final class SweepRun {
    private final JobClient jobs;
    private final PrintWriter progress;

    SweepRun(final JobClient jobs, final PrintWriter progress) {
        this.jobs = jobs;
        this.progress = progress;
    }

    /**
     * Submits each spec whose id is not on the ledger yet, as the client's identity, one at a time: submissions of
     * one identity touch its credit account, so concurrent ones would only conflict and be retried.
     *
     * @return the jobs, in spec order (a job already on the ledger as it is there), and how many were submitted
     */
    Submission submit(final List<JobSpec> specs) {
        final List<Job> all = new ArrayList<>();
        int submitted = 0;
        for (final JobSpec spec : specs) {
            final Optional<Job> stored = jobs.find(spec.id());
            if (stored.isPresent()) {
                progress.printf(
                        "%s: already on the ledger (%s), not submitted again%n",
                        spec.id(), stored.get().state());
                all.add(stored.get());
                continue;
            }
            final long start = System.nanoTime();
            final Job job = jobs.submit(spec);
            progress.printf(
                    Locale.ROOT,
                    "%s: submitted, SEED=%s (%d ms)%n",
                    job.id(),
                    spec.env().get("SEED"),
                    (System.nanoTime() - start) / 1_000_000);
            progress.flush();
            all.add(job);
            submitted++;
        }
        return new Submission(List.copyOf(all), submitted);
    }

    /**
     * Reads every job that is not done until all are, or the timeout passes.
     *
     * @param done when a job counts as done
     * @return the jobs as last read, in the order given, and whether all are done
     */
    Outcome await(
            final List<Job> submitted,
            final Predicate<SweepJob> done,
            final Duration timeout,
            final Duration poll,
            final Duration heartbeat) {
        final long start = System.nanoTime();
        final List<Job> latest = new ArrayList<>(submitted);
        String last = "";
        long lastPrinted = 0;
        while (true) {
            for (int i = 0; i < latest.size(); i++) {
                if (!done.test(SweepJob.of(latest.get(i)))) {
                    latest.set(i, jobs.get(latest.get(i).id()));
                }
            }
            final long elapsed = System.nanoTime() - start;
            final boolean complete = latest.stream().allMatch(job -> done.test(SweepJob.of(job)));
            final String line = SweepProgress.line(elapsed / 1_000_000_000, latest, done);
            if (!same(line, last) || elapsed - lastPrinted >= heartbeat.toNanos() || complete) {
                progress.println(line);
                progress.flush();
                last = line;
                lastPrinted = elapsed;
            }
            if (complete || elapsed >= timeout.toNanos() || !pause(poll)) {
                return new Outcome(List.copyOf(latest), complete);
            }
        }
    }

    /** @return whether two progress lines say the same, apart from their time */
    private static boolean same(final String line, final String other) {
        return strip(line).equals(strip(other));
    }

    private static String strip(final String line) {
        final int end = line.indexOf(']');
        return end < 0 ? line : line.substring(end + 1);
    }

    private static boolean pause(final Duration poll) {
        try {
            Thread.sleep(poll.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * @param jobs the jobs as last read
     * @param complete whether every job was done
     */
    record Outcome(List<Job> jobs, boolean complete) {}

    /**
     * @param jobs the sweep's jobs, in spec order
     * @param submitted how many of them this sweep submitted (the others were on the ledger already)
     */
    record Submission(List<Job> jobs, int submitted) {}
}
