// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.scale;

import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.bench.Json;
import io.povm.bench.load.Latencies;
import io.povm.bench.load.LoadCommand;
import io.povm.bench.load.Workloads;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import io.povm.client.profile.ConnectionProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code povm-bench scale} (P5): fills the ledger to each level with batch submissions and measures, at each, the
 * latency of one {@code SubmitJob}, of one {@code GetJob} and of one page of {@code ListJobsByState(SUBMITTED)}, as
 * ratios to the first level's.
 */
@Command(
        name = "scale",
        mixinStandardHelpOptions = true,
        description = "P5: SubmitJob, GetJob and listing latency at growing numbers of jobs on the ledger")
public final class ScaleCommand implements Callable<Integer> {
    private static final int WARM_UP_CALLS = 3;
    private static final int MAX_KEPT_IDS = 10_000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--run-dir", required = true, description = "the network's run directory (profiles/, pids/)")
    private Path runDir;

    @Option(
            names = "--profiles",
            defaultValue = "org1,org2,org3,org1-user2,org2-user2,org3-user2",
            split = ",",
            description = "the customers that fill, one thread each; the first also measures")
    private List<String> profiles;

    @Option(names = "--sla", defaultValue = "bench-free@1", description = "an SLA no worker daemon serves")
    private String sla;

    @Option(names = "--levels", defaultValue = "1000,10000", description = "jobs on the ledger to measure at")
    private String levels;

    @Option(names = "--samples", defaultValue = "20", description = "SubmitJob and GetJob calls per level")
    private int samples;

    @Option(names = "--page-size", defaultValue = "100", description = "jobs per listed page")
    private int pageSize;

    @Option(names = "--pages", defaultValue = "10", description = "pages listed per level")
    private int pages;

    @Option(
            names = "--fill-budget-seconds",
            defaultValue = "1800",
            description = "the longest the fills may take together; a level whose fill would not fit is skipped")
    private double fillBudgetSeconds;

    @Option(names = "--out", required = true, description = "the JSON file to write")
    private Path out;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter err = spec.commandLine().getErr();
        final List<PovmGateway> gateways = new ArrayList<>();
        try {
            for (String name : profiles) {
                gateways.add(PovmGateway.connect(
                        ConnectionProfile.load(runDir.resolve("profiles").resolve(name + ".json"), System.getenv())));
            }
            final List<JobClient> customers =
                    gateways.stream().map(g -> new JobClient(g.chaincode())).toList();
            Json.write(out, run(customers, err));
        } finally {
            gateways.forEach(PovmGateway::close);
        }
        return 0;
    }

    private ScaleResult run(final List<JobClient> customers, final PrintWriter err) throws InterruptedException {
        final JobClient jobs = customers.get(0);
        final String run = UUID.randomUUID().toString().substring(0, 8);
        final ScaleFill fill = new ScaleFill(customers, sla, run);
        final List<String> existing = new ArrayList<>();
        final long before = count(jobs, existing);
        err.printf(Locale.ROOT, "[bench] P5: %d jobs on the ledger before the fill%n", before);
        long onLedger = before;
        long filled = 0;
        double fillSeconds = 0;
        final List<ScalePoint> points = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        for (long level : ScaleLevels.parse(levels)) {
            final long wanted = ScaleLevels.toFill(onLedger, level);
            final double rate = fillSeconds > 0 ? filled / fillSeconds : 0;
            if (!ScaleLevels.fits(rate, wanted, fillBudgetSeconds - fillSeconds)) {
                skipped.add(String.format(
                        Locale.ROOT,
                        "%d: filling %d more jobs at %.0f jobs/s would take %.0f s, over the %.0f s left of the"
                                + " fill budget",
                        level,
                        wanted,
                        rate,
                        wanted / rate,
                        fillBudgetSeconds - fillSeconds));
                err.printf(Locale.ROOT, "[bench] P5: level %s skipped%n", skipped.get(skipped.size() - 1));
                continue;
            }
            final long start = System.nanoTime();
            final long added = wanted > 0 ? fill.fill(wanted) : 0;
            fillSeconds += (System.nanoTime() - start) / 1e9;
            filled += added;
            onLedger += added;
            err.printf(
                    Locale.ROOT,
                    "[bench] P5: %d jobs on the ledger (filled %d in %.0f s so far, %.0f jobs/s)%n",
                    onLedger,
                    filled,
                    fillSeconds,
                    fillSeconds > 0 ? filled / fillSeconds : 0);
            final ScalePoint point = measure(jobs, fill.ids().isEmpty() ? existing : fill.ids(), level, onLedger, run);
            points.add(points.isEmpty() ? point.against(point) : point.against(points.get(0)));
            final ScalePoint shown = points.get(points.size() - 1);
            err.printf(
                    Locale.ROOT,
                    "[bench] P5 at %d jobs: SubmitJob p50 %.0f ms (%.2f x), GetJob p50 %.1f ms (%.2f x),"
                            + " a page of %d p50 %.1f ms (%.2f x), %.1f CPU-ms per page%n",
                    onLedger,
                    shown.submitMs().p50(),
                    shown.submitP50Ratio(),
                    shown.getJobMs().p50(),
                    shown.getJobP50Ratio(),
                    pageSize,
                    shown.listPageMs().p50(),
                    shown.listPageP50Ratio(),
                    shown.listCpuMsPerPage());
            err.flush();
        }
        return new ScaleResult(
                "P5",
                pageSize,
                sla,
                before,
                filled,
                Math.round(fillSeconds * 10) / 10.0,
                fillSeconds > 0 ? Math.round(filled / fillSeconds * 10) / 10.0 : 0,
                fill.failedBatches(),
                points,
                skipped);
    }

    private ScalePoint measure(
            final JobClient jobs, final List<String> ids, final long level, final long onLedger, final String run) {
        final Random random = new Random(level);
        warmUp(jobs, ids, random, "p5-" + run + "-warm" + level + "-");
        final List<Long> submit = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            final long start = System.nanoTime();
            jobs.submit(Workloads.spec("p5-" + run + "-at" + level + "-" + i, sla));
            submit.add(System.nanoTime() - start);
        }
        final List<Long> get = new ArrayList<>();
        for (int i = 0; i < samples && !ids.isEmpty(); i++) {
            final String id = ids.get(random.nextInt(ids.size()));
            final long start = System.nanoTime();
            jobs.get(id);
            get.add(System.nanoTime() - start);
        }
        final List<Long> list = new ArrayList<>();
        final long cpuBefore = LoadCommand.networkCpuMillis(runDir);
        String bookmark = "";
        for (int i = 0; i < pages; i++) {
            final long start = System.nanoTime();
            final JobPage page = jobs.listByState(JobState.SUBMITTED, pageSize, bookmark);
            list.add(System.nanoTime() - start);
            bookmark = page.bookmark();
            if (bookmark.isEmpty()) {
                break;
            }
        }
        final double cpuPerPage = (LoadCommand.networkCpuMillis(runDir) - cpuBefore) / (double) list.size();
        final ScalePoint point = new ScalePoint(
                level,
                onLedger + samples + WARM_UP_CALLS,
                Latencies.of(submit),
                Latencies.of(get),
                Latencies.of(list),
                Math.round(cpuPerPage * 10) / 10.0,
                0,
                0,
                0);
        return point;
    }

    /**
     * A few calls of each kind, not timed: the first calls after a pause (the fill's batches, another scenario) pay
     * for cold caches and code paths in the client and the chaincode servers, and would make the first level slower.
     */
    private void warmUp(final JobClient jobs, final List<String> ids, final Random random, final String prefix) {
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            jobs.submit(Workloads.spec(prefix + i, sla));
            if (!ids.isEmpty()) {
                jobs.get(ids.get(random.nextInt(ids.size())));
            }
            jobs.listByState(JobState.SUBMITTED, pageSize, "");
        }
    }

    /**
     * @param ids gets the ids of the first jobs listed (at most 10,000): GetJob's samples when nothing was filled
     * @return how many jobs the ledger holds, counted by listing them all
     */
    private static long count(final JobClient jobs, final List<String> ids) {
        long count = 0;
        String bookmark = "";
        do {
            final JobPage page = jobs.list(JobClient.MAX_PAGE_SIZE, bookmark);
            count += page.jobs().size();
            page.jobs().stream().limit(Math.max(0, MAX_KEPT_IDS - ids.size())).forEach(job -> ids.add(job.id()));
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        return count;
    }
}
