// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.JobSpec;
import io.povm.api.JobSpecValidator;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Redundancy;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import io.povm.client.profile.ProfileLocator;
import io.povm.client.usage.CpuSnapshot;
import io.povm.client.usage.EnergyModel;
import io.povm.client.usage.FlipStatistics;
import io.povm.client.usage.ProcessCpuSampler;
import io.povm.client.usage.SweepJob;
import io.povm.client.usage.SweepSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code povm job sweep}: the paper's "find the luckiest seed". Submits one coin-flip job per seed, waits in this one
 * process until every job has its verdict, and prints what the sweep found and what it cost.
 */
@Command(
        name = "sweep",
        header = "Find the luckiest seed with a sweep of coin-flip jobs.",
        mixinStandardHelpOptions = true,
        description = {
            "Find the luckiest seed: submit one coin-flip job per seed (SEED=<seed",
            "prefix><n>, K heads in a row, k-vote redundancy), 100 per transaction",
            "(SubmitJobs, one escrow debit each) as the profile's identity, wait",
            "until every job has its verdict (progress on stderr), then print each",
            "job, the luckiest seed, the mean flips against 2^(K+1)-2 with a 95%%",
            "confidence interval, the replicas' votes, and the CPU",
            "time the replicas attested (useful work) against the CPU time the",
            "network's nodes and worker daemons used meanwhile (overhead, sampled from",
            "/proc for the pid files in --pid-dir), with the energy and CO2 of each at",
            "--watts-per-core and --grams-co2-per-kwh, beside hashcash's 0%% useful share.",
            "Jobs already on the ledger (same id) are not submitted again, so running",
            "it twice with one --job-prefix only waits and summarizes."
        },
        footer = {
            "",
            "Examples:",
            "  povm job sweep --image povm/coinflip@sha256:<64 hex> --count 10 --k 14",
            "  povm job sweep --image povm/coinflip@sha256:<64 hex> --job-prefix demo-1- \\",
            "      --until final -o json"
        })
final class JobSweepCommand extends ClientCommand {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC);
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    @Option(
            names = "--image",
            required = true,
            paramLabel = "IMAGE",
            description = "The coin flipper, pinned:" + " povm/coinflip@sha256:<64 hex>.")
    private String image;

    @Option(names = "--count", paramLabel = "N", description = "Seeds to try, 1 to 200 (default: ${DEFAULT-VALUE}).")
    private int count = 10;

    @Option(names = "--first", paramLabel = "N", description = "Number of the first seed (default: ${DEFAULT-VALUE}).")
    private int first = 1;

    @Option(
            names = "--k",
            paramLabel = "K",
            description = "Heads in a row, 1 to 48 (default: ${DEFAULT-VALUE}):" + " about 2^(K+1) flips per job.")
    private int k = 14;

    @Option(
            names = "--seed-prefix",
            paramLabel = "TEXT",
            description = "Seeds are TEXT<n> (default: ${DEFAULT-VALUE}).")
    private String seedPrefix = "demo-";

    @Option(
            names = "--job-prefix",
            paramLabel = "TEXT",
            description = "Job ids are TEXT<n> (default:" + " sweep-<UTC yyyyMMdd-HHmmss>-).")
    private String jobPrefix;

    @Option(
            names = "--replicas",
            paramLabel = "K",
            description = "k-vote replicas per job, odd, 1 to 15 (default:" + " ${DEFAULT-VALUE}).")
    private int replicas = 3;

    @Option(names = "--sla", paramLabel = "NAME@VERSION", description = "SLA (default: ${DEFAULT-VALUE}).")
    private String sla = "standard@1";

    @Option(
            names = "--checkpoint-every",
            paramLabel = "FLIPS",
            description = "Flips between checkpoints, 0 for" + " none (default: ${DEFAULT-VALUE}).")
    private int checkpointEvery = 4096;

    @Option(
            names = "--deadline",
            paramLabel = "WHEN",
            description = "Each job's deadline, as for job submit" + " (default: ${DEFAULT-VALUE}).")
    private String deadline = "1h";

    @Option(
            names = "--until",
            paramLabel = "verdict|final",
            description = "Wait until every job has its verdict, or"
                    + " until every job is settled (default: ${DEFAULT-VALUE}).")
    private String until = "verdict";

    @Option(
            names = "--timeout-seconds",
            paramLabel = "S",
            description =
                    "Stop waiting after S seconds, print what" + " there is and exit 5 (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds = 900;

    @Option(
            names = "--poll-millis",
            paramLabel = "MS",
            description = "Read the open jobs every MS ms (default:" + " ${DEFAULT-VALUE}).")
    private int pollMillis = 2000;

    @Option(
            names = "--pid-dir",
            paramLabel = "DIR",
            description = "The overhead's processes: *.pid files (default:" + " $POVM_RUN_DIR/pids).")
    private Path pidDir;

    @Mixin
    private EnergyOptions energyOptions = new EnergyOptions();

    @Option(
            names = "--clock-ticks",
            paramLabel = "HZ",
            description =
                    "Ticks per second of /proc/<pid>/stat times," + " getconf CLK_TCK (default: ${DEFAULT-VALUE}).")
    private long clockTicks = ProcessCpuSampler.DEFAULT_CLOCK_TICKS;

    @Option(
            names = "--json-file",
            paramLabel = "FILE",
            description = "Also write the summary as JSON (as -o json" + " prints it) to FILE.")
    private Path jsonFile;

    private List<JobSpec> specs;
    private EnergyModel energyModel;
    private int exitCode = ExitCodes.OK;

    JobSweepCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        check(count >= 1 && count <= 200, "--count is " + count + "; must be 1 to 200");
        final int lastFirst = Integer.MAX_VALUE - count + 1;
        check(
                first >= 0 && first <= lastFirst,
                "--first is " + first + "; must be 0 to " + lastFirst + " with --count " + count);
        check(k >= 1 && k <= FlipStatistics.MAX_K, "--k is " + k + "; must be 1 to " + FlipStatistics.MAX_K);
        check(until.equals("verdict") || until.equals("final"), "--until is '" + until + "'; must be verdict or final");
        check(timeoutSeconds >= 1, "--timeout-seconds must be 1 or more");
        check(pollMillis >= 0, "--poll-millis must be 0 or more");
        check(checkpointEvery >= 0, "--checkpoint-every must be 0 or more");
        energyModel = energyOptions.model(spec());
        check(clockTicks >= 1, "--clock-ticks must be 1 or more");
        if (jobPrefix == null) {
            jobPrefix = "sweep-" + STAMP.format(context().clock().instant()) + "-";
        }
        try {
            specs = specs(SpecOptions.deadline(deadline, context().clock()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec().commandLine(), e.getMessage());
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }

    private void check(final boolean ok, final String message) {
        if (!ok) {
            throw new ParameterException(spec().commandLine(), message);
        }
    }

    private List<JobSpec> specs(final String when) {
        final List<JobSpec> all = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            final Map<String, String> env = new TreeMap<>(Map.of(
                    "SEED",
                    seedPrefix + n,
                    "K",
                    Integer.toString(k),
                    "CHECKPOINT_EVERY",
                    Integer.toString(checkpointEvery)));
            // the spec rules (replicas odd, 1 to 15, ...) are checked here, before connecting, as job submit does
            all.add(JobSpecValidator.validate(JobSpec.builder(jobPrefix + n)
                    .image(image)
                    .command(List.of("povm-coinflip"))
                    .env(env)
                    .sla(sla)
                    .redundancy(Redundancy.kVote(replicas))
                    .deadline(when)
                    .build()));
        }
        return all;
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        final PrintWriter err = spec().commandLine().getErr();
        final Path pids = pidDir != null
                ? pidDir
                : ProfileLocator.fromEnvironment(context().env()).profilesDir().resolveSibling("pids");
        final ProcessCpuSampler sampler = new ProcessCpuSampler(Path.of("/proc"), clockTicks);
        final CpuSnapshot before = sampler.sample(ProcessCpuSampler.pidFiles(pids));
        final long started = System.nanoTime();
        final SweepRun sweep = new SweepRun(jobs, err);
        final SweepRun.Submission submitted = sweep.submit(specs);
        final long submitMillis = (System.nanoTime() - started) / 1_000_000;
        final Predicate<SweepJob> done = until.equals("final") ? SweepJob::settled : SweepJob::decided;
        final SweepRun.Outcome outcome = sweep.await(
                submitted.jobs(), done, Duration.ofSeconds(timeoutSeconds), Duration.ofMillis(pollMillis), HEARTBEAT);
        final long sweepMillis = (System.nanoTime() - started) / 1_000_000;
        final CpuSnapshot after = sampler.sample(ProcessCpuSampler.pidFiles(pids));
        final SweepSummary summary = SweepSummary.of(
                k,
                outcome.jobs().stream().map(SweepJob::of).toList(),
                before,
                after,
                energyModel,
                new SweepSummary.Timing(submitted.submitted(), submitMillis, sweepMillis, clientCpuMillis()));
        if (jsonFile != null) {
            write(jsonFile, PovmJson.write(summary) + "\n");
        }
        if (common().output() == OutputFormat.JSON) {
            printJson(summary, out);
        } else {
            SweepTable.print(summary, out);
        }
        if (!outcome.complete()) {
            err.printf(
                    "error: not every job was %s within %d s; the summary above counts what there is%n",
                    until.equals("final") ? "settled" : "decided", timeoutSeconds);
            exitCode = ExitCodes.UNAVAILABLE;
        }
    }

    private static void write(final Path file, final String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary to " + file, e);
        }
    }

    private static long clientCpuMillis() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toMillis)
                .orElse(0L);
    }

    @Override
    int exitCode() {
        return exitCode;
    }
}
