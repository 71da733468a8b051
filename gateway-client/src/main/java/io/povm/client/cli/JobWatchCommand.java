// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code povm job watch ID}: follows a job until it settles, printing each change once. Polls the job with a backoff
 * from {@value #FIRST_POLL_MILLIS} ms to {@value #LAST_POLL_MILLIS} ms, back to the shortest after every change.
 */
@Command(
        name = "watch",
        header = "Follow a job until it settles.",
        mixinStandardHelpOptions = true,
        description = {
            "Follow a job until it settles, printing each change once: its state,",
            "each replica's worker and state, commits and reveals, the verdict and",
            "any dispute. While nothing has taken it, says which constraint keeps",
            "it waiting. Exit code 0 when it is FINALIZED, 8 when it ends FAILED,",
            "CANCELLED or EXPIRED, 9 when --timeout runs out first. With -o json,",
            "each new version of the job is one JSON document on its own line."
        },
        footer = {
            "",
            "Examples:",
            "  povm job watch job-1a2b3c4d",
            "  povm job watch job-1a2b3c4d --timeout 10m -o json | jq -c '.state'"
        })
final class JobWatchCommand extends ClientCommand {
    static final long FIRST_POLL_MILLIS = 500;
    static final long LAST_POLL_MILLIS = 8000;
    /** The longest --timeout: far beyond any job's life (a deadline is at most 7 days ahead), well within a clock. */
    static final Duration MAX_TIMEOUT = Duration.ofDays(365);

    private static final Set<JobState> UNSUCCESSFUL = Set.of(JobState.FAILED, JobState.CANCELLED, JobState.EXPIRED);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
    private String id;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            description = "Give up after this long, e.g. 90s, 10m, 1h; 0s to 365d (default: until the job settles).")
    private String timeout;

    private Optional<Duration> limit = Optional.empty();
    private int exitCode = ExitCodes.OK;

    JobWatchCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        if (timeout != null) {
            try {
                limit = Optional.of(SpecOptions.duration(timeout, "--timeout", Duration.ZERO, MAX_TIMEOUT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec().commandLine(), e.getMessage());
            }
        }
    }

    @Override
    int exitCode() {
        return exitCode;
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        exitCode = watch(jobs, out);
    }

    private int watch(final JobClient jobs, final PrintWriter out) {
        final Optional<Instant> giveUpAt = limit.map(context().clock().instant()::plus);
        final PovmChaincode.Sleeper sleeper = context().sleeper();
        Optional<Job> shown = Optional.empty();
        Optional<AssignmentDiagnosis> explained = Optional.empty();
        long pause = FIRST_POLL_MILLIS;
        boolean unreachable = false;
        while (true) {
            final Optional<Job> read = poll(jobs, shown.isPresent(), unreachable);
            unreachable = read.isEmpty();
            if (read.isEmpty()) {
                if (timedOut(giveUpAt, shown.get())) {
                    return ExitCodes.TIMEOUT;
                }
                pause(sleeper, LAST_POLL_MILLIS);
                continue;
            }
            final Job job = read.get();
            if (shown.isEmpty() || !shown.get().equals(job)) {
                show(shown, job, out);
                shown = Optional.of(job);
                pause = FIRST_POLL_MILLIS;
            } else {
                pause = Math.min(pause * 2, LAST_POLL_MILLIS);
            }
            explained = explain(job, jobs, explained, out);
            out.flush();
            if (job.state() == JobState.FINALIZED) {
                return ExitCodes.OK;
            }
            if (UNSUCCESSFUL.contains(job.state())) {
                spec().commandLine().getErr().println("job " + id + " ended " + job.state() + " without a result");
                return ExitCodes.JOB_UNSUCCESSFUL;
            }
            if (timedOut(giveUpAt, job)) {
                return ExitCodes.TIMEOUT;
            }
            pause(sleeper, pause);
        }
    }

    /**
     * @return the job; empty when the peer is unavailable after the job was read once (a watch outlives a restarting
     *     or overloaded peer: it says so once and keeps polling); the first read's failure ends the command
     */
    private Optional<Job> poll(final JobClient jobs, final boolean seenOnce, final boolean saidSo) {
        try {
            return Optional.of(jobs.get(id));
        } catch (PovmClientException e) {
            if (!seenOnce || e.kind() != PovmClientException.Kind.UNAVAILABLE) {
                throw e;
            }
            if (!saidSo) {
                spec().commandLine().getErr().println("note: " + e.getMessage() + "; still watching");
                spec().commandLine().getErr().flush();
            }
            return Optional.empty();
        }
    }

    private boolean timedOut(final Optional<Instant> giveUpAt, final Job job) {
        if (giveUpAt.isPresent() && !context().clock().instant().isBefore(giveUpAt.get())) {
            spec().commandLine()
                    .getErr()
                    .println("gave up after " + timeout + ": job " + id + " is still " + job.state());
            return true;
        }
        return false;
    }

    private void show(final Optional<Job> previous, final Job job, final PrintWriter out) {
        if (common().output() == OutputFormat.JSON) {
            printJson(job, out);
            return;
        }
        final String now = TIME.format(context().clock().instant());
        JobChanges.between(previous, job).forEach(line -> out.println(now + "  " + line));
    }

    /** Prints why a SUBMITTED job waits, when that differs from what was printed last. */
    private Optional<AssignmentDiagnosis> explain(
            final Job job, final JobClient jobs, final Optional<AssignmentDiagnosis> before, final PrintWriter out) {
        if (job.state() != JobState.SUBMITTED) {
            return Optional.empty();
        }
        final Optional<AssignmentDiagnosis> now;
        try {
            now = AssignmentProbe.diagnose(job, jobs, context(), profile());
        } catch (PovmClientException e) {
            return before;
        }
        if (now.isPresent() && !now.equals(before)) {
            if (common().output() == OutputFormat.JSON) {
                // stdout holds only the job documents
                AssignmentProbe.print(now.get(), spec().commandLine().getErr());
            } else {
                final String at = TIME.format(context().clock().instant());
                AssignmentProbe.lines(now.get()).forEach(line -> out.println(at + "  " + line));
            }
        }
        return now;
    }

    private static void pause(final PovmChaincode.Sleeper sleeper, final long millis) {
        try {
            sleeper.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.INTERNAL, "interrupted while watching the job", null);
        }
    }
}
