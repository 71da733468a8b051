// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.JobBatch;
import io.povm.api.JobSpec;
import io.povm.api.PovmTransactions;
import io.povm.client.job.JobClient;
import io.povm.client.usage.SweepJob;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Submits the jobs of a sweep in batches, then reads the open ones until each is done, printing progress:
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
     * Submits each spec whose id is not on the ledger yet, as the client's identity, {@value
     * PovmTransactions#MAX_BATCH} per {@code SubmitJobs} transaction, one batch after the other: each batch's escrows
     * leave the account in one debit, and the account is a key that concurrent submissions would conflict on.
     *
     * @return the jobs, in spec order (a job already on the ledger as it is there), and how many were submitted
     */
    Submission submit(final List<JobSpec> specs) {
        final Map<String, Job> byId = new HashMap<>();
        final List<JobSpec> fresh = new ArrayList<>();
        for (final JobSpec spec : specs) {
            final Optional<Job> stored = jobs.find(spec.id());
            if (stored.isPresent()) {
                progress.printf(
                        "%s: already on the ledger (%s), not submitted again%n",
                        spec.id(), stored.get().state());
                byId.put(spec.id(), stored.get());
            } else {
                fresh.add(spec);
            }
        }
        for (int from = 0; from < fresh.size(); from += PovmTransactions.MAX_BATCH) {
            final List<JobSpec> batch = fresh.subList(from, Math.min(fresh.size(), from + PovmTransactions.MAX_BATCH));
            final long start = System.nanoTime();
            final JobBatch submitted = jobs.submitAll(batch, "");
            final long millis = (System.nanoTime() - start) / 1_000_000;
            for (int i = 0; i < batch.size(); i++) {
                final Job job = submitted.jobs().get(i);
                progress.printf(
                        Locale.ROOT,
                        "%s: submitted, SEED=%s (batch of %d, %d ms)%n",
                        job.id(),
                        batch.get(i).env().get("SEED"),
                        batch.size(),
                        millis);
                byId.put(job.id(), job);
            }
            progress.flush();
        }
        final List<Job> all = new ArrayList<>();
        specs.forEach(spec -> all.add(byId.get(spec.id())));
        return new Submission(List.copyOf(all), fresh.size());
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
