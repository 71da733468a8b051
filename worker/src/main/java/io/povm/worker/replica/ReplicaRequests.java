package io.povm.worker.replica;

import io.povm.api.Job;
import io.povm.api.JobInput;
import io.povm.api.JobSpec;
import io.povm.api.ReplicaResult;
import io.povm.api.SlaLimit;
import io.povm.api.SlaSpec;
import io.povm.api.VmTerms;
import io.povm.worker.job.JobOutcome;
import io.povm.worker.job.JobRequest;
import io.povm.worker.job.Measurements;
import io.povm.worker.sandbox.SandboxPolicy;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Translates between the ledger and the job layer: a job and its SLA become a {@link JobRequest} with the SLA's
 * limits, and a {@link JobOutcome} becomes the {@link ReplicaResult} the worker reports.
 */
public final class ReplicaRequests {
    /** Processes a job may start: enough for a shell pipeline, far too few for a fork bomb. */
    static final long PIDS_LIMIT = 64;

    private ReplicaRequests() {}

    /**
     * @throws IllegalArgumentException for an input by URL, which this worker cannot fetch (no network here)
     */
    public static JobRequest request(final Job job, final SlaSpec sla) {
        final JobSpec spec = job.spec();
        final JobRequest.Builder request =
                JobRequest.builder(spec.image(), spec.command()).env(spec.env()).limits(limits(sla));
        for (final JobInput input : spec.inputs()) {
            final String data = input.data()
                    .orElseThrow(() -> new IllegalArgumentException("input " + input.name()
                            + " is given by URL; this worker runs only jobs with inline inputs"));
            request.input(input.name(), Base64.getDecoder().decode(data));
        }
        return request.build();
    }

    /** @return the sandbox limits an SLA promises: its CPU, memory, wall time and output size */
    public static SandboxPolicy limits(final SlaSpec sla) {
        final VmTerms vm = sla.vm();
        final long stdout = Math.min(sla.job().maxOutputBytes(), SandboxPolicy.MAX_STDOUT_LIMIT_BYTES);
        return SandboxPolicy.defaults().toBuilder()
                .nanoCpus(vm.cpuMillis() * 1_000_000L)
                .memoryBytes(vm.memoryMiB() * 1024L * 1024L)
                .wallTime(Duration.ofSeconds(vm.maxWallSeconds()))
                .pidsLimit(PIDS_LIMIT)
                .stdoutLimitBytes((int) stdout)
                .build();
    }

    /** @return the result as text when it is short enough to report inline and valid UTF-8 */
    static Optional<String> inlineText(final byte[] result) {
        if (result.length > ReplicaResult.MAX_INLINE_OUTPUT_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(result))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** @return what the worker reports for a run that ran (any status but REFUSED) */
    public static ReplicaResult result(final JobOutcome outcome) {
        final Measurements measured = outcome.measurements()
                .orElseThrow(() -> new IllegalArgumentException("a refused job has no result to report"));
        final byte[] result = outcome.result();
        return ReplicaResult.builder()
                .resultHash(outcome.resultSha256())
                .exitCode(measured.exitCode())
                .limitHit(SlaLimit.valueOf(measured.limitHit().name()))
                .wallMillis(measured.wallTime().toMillis())
                .cpuMillis(measured.cpuTime().toMillis())
                .peakMemoryBytes(measured.peakMemoryBytes())
                .outputBytes(measured.outputBytes())
                .checkpointRoot(outcome.checkpointRoot())
                .checkpoints(outcome.checkpointCount())
                .output(inlineText(result))
                .build();
    }
}
