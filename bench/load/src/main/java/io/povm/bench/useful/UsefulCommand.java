// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.useful;

import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.PovmTransactions;
import io.povm.api.Reveal;
import io.povm.bench.Json;
import io.povm.bench.idle.IdleSnapshot;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import io.povm.client.profile.ConnectionProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code povm-bench useful} (P4): the useful share at saturation. For each setting, submits its CPU-bound coin-flip
 * jobs at once (seeds chosen with {@link Coinflip} to need about the setting's CPU-seconds), waits until every job is
 * decided, and sets the replicas' attested CPU against what every process of the system used meanwhile.
 */
@Command(
        name = "useful",
        mixinStandardHelpOptions = true,
        description = "P4: CPU-seconds inside job containers against CPU-seconds of the whole system, per setting")
public final class UsefulCommand implements Callable<Integer> {
    /** The name the submitting client's own CPU goes under. */
    static final String CLIENT = "client";

    private static final long POLL_MILLIS = 2000;
    private static final long CALIBRATION_FLIPS = 5_000_000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--run-dir", required = true, description = "the network's run directory (profiles/, pids/)")
    private Path runDir;

    @Option(names = "--profile", defaultValue = "org1", description = "the customer that submits the jobs")
    private String profile;

    @Option(names = "--image", required = true, description = "the coin-flip image, povm/coinflip@sha256:<id>")
    private String image;

    @Option(names = "--sla", defaultValue = "standard@1", description = "an SLA the worker daemons serve")
    private String sla;

    @Option(
            names = "--settings",
            required = true,
            split = ",",
            description = "SECONDSs-REDUNDANCYxJOBS, e.g. 1s-k1x12,1s-k3x6,10s-k3x4 (k1, k3: k-vote; a3: adaptive)")
    private List<String> settings;

    @Option(
            names = "--flips-per-second",
            defaultValue = "0",
            description = "the image's flips per CPU-second, to turn seconds into flips; 0: calibrate with one k = 1"
                    + " job of 5 million flips through the workers first (its attested CPU gives the rate)")
    private long flipsPerSecond;

    @Option(names = "--timeout-seconds", defaultValue = "900", description = "the longest wait for one setting")
    private long timeoutSeconds;

    @Option(names = "--out", required = true, description = "the JSON file to write")
    private Path out;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter err = spec.commandLine().getErr();
        final List<UsefulShare> results = new ArrayList<>();
        final ConnectionProfile connection =
                ConnectionProfile.load(runDir.resolve("profiles").resolve(profile + ".json"), System.getenv());
        try (PovmGateway gateway = PovmGateway.connect(connection)) {
            final JobClient jobs = new JobClient(gateway.chaincode());
            if (flipsPerSecond <= 0) {
                flipsPerSecond = calibrate(jobs, err);
            }
            for (String text : settings) {
                final UsefulShare share = measure(jobs, UsefulSetting.parse(text), err);
                results.add(share);
                err.printf(
                        Locale.ROOT,
                        "[bench] P4 %s: %d of %d jobs decided in %.0f s, %d replicas, useful %.1f CPU-s of %.1f:"
                                + " %.1f%% useful, %.2f CPU-s protocol cost per job %s%n",
                        share.setting(),
                        share.decided(),
                        share.jobs(),
                        share.wallSeconds(),
                        share.replicas(),
                        share.usefulCpuSeconds(),
                        share.usefulCpuSeconds() + share.overheadCpuSeconds(),
                        100 * share.usefulShare(),
                        share.protocolCpuSecondsPerJob(),
                        share.states());
                err.flush();
            }
        }
        Json.write(out, results);
        return 0;
    }

    private UsefulShare measure(final JobClient jobs, final UsefulSetting setting, final PrintWriter err)
            throws InterruptedException {
        final List<JobSpec> specs = specs(setting);
        final Map<String, Long> start = cpuMillis();
        final long started = System.nanoTime();
        for (int from = 0; from < specs.size(); from += PovmTransactions.MAX_BATCH) {
            jobs.submitAll(specs.subList(from, Math.min(specs.size(), from + PovmTransactions.MAX_BATCH)), "");
        }
        err.printf(Locale.ROOT, "[bench] P4 %s: %d jobs submitted%n", setting.name(), specs.size());
        err.flush();
        final List<Job> last = await(jobs, specs, started);
        final Map<String, Long> end = cpuMillis();
        final double wall = (System.nanoTime() - started) / 1e9;
        final Map<String, Integer> states = new TreeMap<>();
        int decided = 0;
        int replicas = 0;
        long attested = 0;
        for (Job job : last) {
            states.merge(job.state().name(), 1, Integer::sum);
            if (decided(job.state())) {
                decided++;
            }
            for (Reveal reveal : jobs.attestations(job.id()).reveals()) {
                replicas++;
                attested += reveal.attestation().cpuMillis();
            }
        }
        return UsefulShare.of(setting, states, decided, replicas, attested, start, end, wall, flipsPerSecond);
    }

    /** @return flips per CPU-second of the image, from one k = 1 job's attested CPU */
    private long calibrate(final JobClient jobs, final PrintWriter err) throws InterruptedException {
        final List<JobSpec> one = specs("calibration", CALIBRATION_FLIPS, io.povm.api.Redundancy.kVote(1), 1);
        final JobSpec spec = one.get(0);
        jobs.submitAll(one, "");
        final Job job = await(jobs, one, System.nanoTime()).get(0);
        long cpuMillis = 0;
        for (Reveal reveal : jobs.attestations(job.id()).reveals()) {
            cpuMillis = reveal.attestation().cpuMillis();
        }
        if (cpuMillis <= 0) {
            throw new IllegalStateException("the calibration job " + job.id() + " ended " + job.state()
                    + " without an attested CPU time; give --flips-per-second");
        }
        final long flips = Coinflip.flips(
                        spec.env().get("SEED"), Integer.parseInt(spec.env().get("K")), Long.MAX_VALUE)
                .orElseThrow();
        final long rate = Math.round(flips / (cpuMillis / 1000.0));
        err.printf(
                Locale.ROOT,
                "[bench] P4 calibration: %d flips in %d attested CPU-ms, %d flips per CPU-second%n",
                flips,
                cpuMillis,
                rate);
        err.flush();
        return rate;
    }

    private List<Job> await(final JobClient jobs, final List<JobSpec> specs, final long started)
            throws InterruptedException {
        final List<Job> last = new ArrayList<>();
        specs.forEach(s -> last.add(jobs.get(s.id())));
        while (!last.stream().allMatch(job -> decided(job.state()))
                && System.nanoTime() - started < timeoutSeconds * 1_000_000_000L) {
            Thread.sleep(POLL_MILLIS);
            for (int i = 0; i < last.size(); i++) {
                if (!decided(last.get(i).state())) {
                    try {
                        last.set(i, jobs.get(last.get(i).id()));
                    } catch (PovmClientException e) {
                        // a read that failed under load: the next poll reads it again
                    }
                }
            }
        }
        return last;
    }

    /** @return whether a job has its verdict, or will never have one */
    static boolean decided(final JobState state) {
        return switch (state) {
            case SUBMITTED, ASSIGNED, RUNNING, RESULTS_PENDING -> false;
            default -> true;
        };
    }

    private List<JobSpec> specs(final UsefulSetting setting) {
        return specs(
                setting.name().replace('.', '_'),
                Math.round(setting.seconds() * flipsPerSecond),
                setting.toRedundancy(),
                setting.jobs());
    }

    private List<JobSpec> specs(
            final String name, final long flips, final io.povm.api.Redundancy redundancy, final int count) {
        final int k = Coinflip.kFor(flips);
        final String run = UUID.randomUUID().toString().substring(0, 8);
        final String prefix = "p4-" + run + "-";
        final String deadline = Instant.now()
                .plus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        final List<JobSpec> specs = new ArrayList<>();
        long seed = 0;
        for (int i = 0; i < count; i++) {
            seed = Coinflip.seedNear(prefix, seed, flips);
            specs.add(JobSpec.builder(prefix + name + "-" + i)
                    .image(image)
                    .command(List.of("povm-coinflip"))
                    .env(new TreeMap<>(Map.of("SEED", prefix + seed, "K", Integer.toString(k))))
                    .sla(sla)
                    .redundancy(redundancy)
                    .deadline(deadline)
                    .build());
            seed++;
        }
        return specs;
    }

    /** @return every process of the network, dockerd, containerd and this client, by name */
    private Map<String, Long> cpuMillis() {
        final Map<String, Long> cpu = new TreeMap<>(IdleSnapshot.cpuMillis(runDir, Path.of("/proc")));
        cpu.put(
                CLIENT,
                ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(java.time.Duration::toMillis)
                        .orElse(0L));
        return cpu;
    }
}
