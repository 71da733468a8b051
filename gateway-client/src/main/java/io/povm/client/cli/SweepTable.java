// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.usage.EnergyModel;
import io.povm.client.usage.FlipStatistics;
import io.povm.client.usage.SweepJob;
import io.povm.client.usage.SweepSummary;
import io.povm.client.usage.UsefulWork;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints a {@link SweepSummary} for people: one row per job, then what the sweep found and what it cost. */
final class SweepTable {
    private static final double SECONDS_PER_HOUR = 3600;
    private static final String ROW = "%-12s %-28s %-14s %10s %6s %9s %9s %7s %8s%n";

    private SweepTable() {}

    static void print(final SweepSummary summary, final PrintWriter out) {
        out.printf(
                Locale.ROOT,
                ROW,
                "SEED",
                "JOB",
                "STATE",
                "FLIPS",
                "AGREED",
                "DISAGREED",
                "TIMED-OUT",
                "FAULTED",
                "CPU-MS");
        for (final SweepJob job : summary.jobs()) {
            out.printf(
                    Locale.ROOT,
                    ROW,
                    job.seed(),
                    job.jobId(),
                    job.state(),
                    job.flips() == null ? "-" : job.flips(),
                    job.agreed(),
                    job.disagreed(),
                    job.timedOut(),
                    job.faulted(),
                    job.attestedCpuMillis());
        }
        out.println();
        summary.flipStatistics()
                .ifPresentOrElse(
                        stats -> statistics(stats, out),
                        () -> out.println("luckiest seed  - (no job has a winning answer yet)"));
        final SweepSummary.Votes votes = summary.replicas();
        out.printf(
                Locale.ROOT,
                "replicas       %d agreed, %d disagreed, %d timed out, %d faulted (%d jobs)%n",
                votes.agreed(),
                votes.disagreed(),
                votes.timedOut(),
                votes.faulted(),
                summary.jobs().size());
        work(summary.work(), out);
        final SweepSummary.Timing timing = summary.timing();
        out.printf(
                Locale.ROOT,
                "timing         %d job(s) submitted one after the other in %.1f s; sweep %.1f s; this"
                        + " client %.1f CPU-s%n",
                timing.submitted(),
                timing.submitMillis() / 1000.0,
                timing.sweepMillis() / 1000.0,
                timing.clientCpuMillis() / 1000.0);
    }

    private static void statistics(final FlipStatistics stats, final PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "luckiest seed  %s: %d flips to %d heads in a row (unluckiest: %s, %d flips)%n",
                stats.luckiest().seed(),
                stats.luckiest().flips(),
                stats.k(),
                stats.unluckiest().seed(),
                stats.unluckiest().flips());
        out.printf(
                Locale.ROOT,
                "mean flips     %.1f, 95%% CI [%.1f, %.1f] (n=%d, exact for an exponential mean: chi-square, 2n"
                        + " degrees of freedom)%n",
                stats.meanFlips(),
                stats.ci95Low(),
                stats.ci95High(),
                stats.n());
        out.printf(
                Locale.ROOT,
                "expected       2^(k+1)-2 = %d: %s the interval%n",
                stats.expectedFlips(),
                stats.expectedInCi95().orElse(false) ? "inside" : "outside");
    }

    /** @return the kind of a process named by network.sh or workers.sh: orderer1 is an orderer, org2-cc ... */
    static String kind(final String name) {
        if (name.startsWith("orderer")) {
            return "orderers";
        }
        if (name.startsWith("worker-")) {
            return "worker daemons";
        }
        if (name.endsWith("-peer")) {
            return "peers";
        }
        return name.endsWith("-cc") ? "chaincode servers" : name;
    }

    private static void work(final UsefulWork work, final PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "useful work    %.2f CPU-s attested by the replicas, about %.1f J (%s, %s)%n",
                work.usefulCpuMillis() / 1000.0,
                work.usefulJoules(),
                wattHours(work.usefulJoules()),
                grams(work.usefulGramsCo2()));
        out.printf(
                Locale.ROOT,
                "overhead       %.2f CPU-s of %d network and worker processes meanwhile, about %.1f J (%s, %s);"
                        + " useful share %.1f%%%n",
                work.overheadCpuMillis() / 1000.0,
                work.overheadByProcess().size(),
                work.overheadJoules(),
                wattHours(work.overheadJoules()),
                grams(work.overheadGramsCo2()),
                100 * work.usefulShare());
        final Map<String, Long> byKind = new TreeMap<>();
        work.overheadByProcess().forEach((name, millis) -> byKind.merge(kind(name), millis, Long::sum));
        final StringBuilder parts = new StringBuilder();
        byKind.forEach((kind, millis) -> parts.append(parts.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.1f s", kind, millis / 1000.0)));
        if (parts.length() > 0) {
            out.println("               " + parts);
        }
        out.println("hashcash       useful share 0%: proof of work spends all its energy on the puzzle, none on"
                + " anyone's job");
        final EnergyModel model = work.energyModel();
        out.printf(
                Locale.ROOT,
                "energy         assumed %.1f W per busy core, %.1f gCO2 per kWh (CPU-seconds x watts x carbon"
                        + " intensity); not counted: the container engine, this client%n",
                model.wattsPerCore(),
                model.gramsCo2PerKwh());
        out.println("               watts: " + model.wattsSource());
        out.println("               carbon: " + model.gramsCo2Source());
        out.println("               attested CPU is each container's exact CPU time, read from its cgroup when it"
                + " exited (worker/README.md)");
    }

    private static String wattHours(final double joules) {
        return String.format(Locale.ROOT, "%.3g Wh", joules / SECONDS_PER_HOUR);
    }

    private static String grams(final double grams) {
        return String.format(Locale.ROOT, "%.3g g CO2", grams);
    }
}
