// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import io.povm.bench.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code povm-bench load}: one workload at one or more offered rates, the results as a JSON array. */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = "Sends one workload through the gateway at each offered rate in turn and writes the results")
public final class LoadCommand implements Callable<Integer> {
    private static final double WARMUP_MAX_RATE = 10;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--run-dir", required = true, description = "the network's run directory (profiles/)")
    private Path runDir;

    @Option(names = "--scenario", defaultValue = "P1", description = "scenario id, e.g. P1")
    private String scenario;

    @Option(names = "--name", required = true, description = "this series' name, e.g. submit-job-priced-1c")
    private String name;

    @Option(
            names = "--workload",
            required = true,
            description = "floor-write, floor-read, submit-job, get-job or submit-jobs")
    private String workload;

    @Option(names = "--baseline", defaultValue = "", description = "the series this one is compared with")
    private String baseline;

    @Option(names = "--profiles", required = true, split = ",", description = "client identities, e.g. org1,org2")
    private List<String> profiles;

    @Option(names = "--sla", defaultValue = "standard@1", description = "the SLA jobs are submitted under")
    private String sla;

    @Option(names = "--batch", defaultValue = "10", description = "jobs per submit-jobs transaction")
    private int batch;

    @Option(
            names = "--lots",
            defaultValue = "0",
            description = "submit-jobs: 0 escrows from the account; N splits N lots first and sends each transaction"
                    + " from its own lot")
    private int lots;

    @Option(names = "--rates", required = true, split = ",", description = "offered TPS, one run each; 0 = max-rate")
    private List<Double> rates;

    @Option(names = "--concurrency", defaultValue = "32", description = "threads sending (max in flight)")
    private int concurrency;

    @Option(names = "--seconds", defaultValue = "30", description = "how long each rate is offered")
    private double seconds;

    @Option(names = "--drain-seconds", defaultValue = "30", description = "how long to wait for transactions in flight")
    private double drainSeconds;

    @Option(
            names = "--warmup-seconds",
            defaultValue = "0",
            description = "load at the first rate (10 TPS for max-rate) first, not counted: JIT and connections warm")
    private double warmupSeconds;

    @Option(names = "--out", required = true, description = "the JSON file to write")
    private Path out;

    @Override
    public Integer call() {
        final PrintWriter err = spec.commandLine().getErr();
        final List<LoadResult> results = new ArrayList<>();
        final Workload chosen = Workloads.of(workload, sla, batch, lots);
        try (Clients clients = Clients.open(runDir, profiles)) {
            final List<org.hyperledger.fabric.client.Contract> contracts = clients.contracts(chosen.chaincode());
            chosen.prepare(contracts.get(0));
            final LoadRunner runner = new LoadRunner(contracts, chosen, () -> networkCpuMillis(runDir));
            if (warmupSeconds > 0) {
                final double rate = rates.get(0) > 0 ? rates.get(0) : WARMUP_MAX_RATE;
                final LoadResult warm = runner.run(new LoadPlan(
                        scenario,
                        name + "-warmup",
                        workload,
                        "",
                        profiles.size(),
                        concurrency,
                        rate,
                        millis(warmupSeconds),
                        millis(drainSeconds)));
                err.printf(Locale.ROOT, "[bench] %s warm-up: %d sent, not counted%n", name, warm.sent());
            }
            for (double rate : rates) {
                final LoadPlan plan = new LoadPlan(
                        scenario,
                        name + "@" + rateLabel(rate),
                        workload,
                        baseline.isEmpty() ? "" : baseline + "@" + rateLabel(rate),
                        profiles.size(),
                        concurrency,
                        rate,
                        millis(seconds),
                        millis(drainSeconds));
                final LoadResult result = runner.run(plan);
                results.add(result);
                err.printf(
                        Locale.ROOT,
                        "[bench] %s %s: %d sent, %.1f TPS, statuses %s, p50 %.0f ms, p99 %.0f ms, %.0f CPU-ms/tx%n",
                        scenario,
                        plan.name(),
                        result.sent(),
                        result.tps(),
                        result.statuses(),
                        result.latencyMs().p50(),
                        result.latencyMs().p99(),
                        result.cpuMsPerValidTx());
                err.flush();
            }
        }
        Json.write(out, results);
        return 0;
    }

    /** @return the CPU milliseconds so far of the processes the run directory records (not dockerd: shared) */
    public static long networkCpuMillis(final Path runDir) {
        return io.povm.bench.idle.IdleSnapshot.cpuMillis(runDir, Path.of("/proc")).entrySet().stream()
                .filter(e -> io.povm.bench.idle.ProcessGroup.of(e.getKey()) != io.povm.bench.idle.ProcessGroup.DOCKER)
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
    }

    /** @return {@code max} for 0, else the rate without a needless fraction ({@code 25}, {@code 2.5}) */
    public static String rateLabel(final double rate) {
        if (rate == 0) {
            return "max";
        }
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private static Duration millis(final double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
