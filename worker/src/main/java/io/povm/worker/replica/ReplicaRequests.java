// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.replica;

import io.povm.api.ContainerConfig;
import io.povm.api.Job;
import io.povm.api.JobInput;
import io.povm.api.JobSpec;
import io.povm.api.ReplicaResult;
import io.povm.api.SlaLimit;
import io.povm.api.SlaSpec;
import io.povm.worker.attestation.InlineText;
import io.povm.worker.attestation.ReplicaEvidence;
import io.povm.worker.job.JobOutcome;
import io.povm.worker.job.JobRequest;
import io.povm.worker.job.Measurements;
import io.povm.worker.sandbox.SandboxPolicy;
import java.time.Duration;
import java.util.Base64;

/**
 * Translates between the ledger and the job layer: a job and its SLA become a {@link JobRequest} under the SLA's
 * {@link ContainerConfig}, and a {@link JobOutcome} becomes the {@link ReplicaEvidence} the worker attests.
 */
public final class ReplicaRequests {
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

    /**
     * @return the sandbox limits of {@link ContainerConfig#forSla}: what runs is by construction what the
     *     attestation's {@code configHash} states
     * @throws IllegalArgumentException when the configuration asks for a network (the sandbox has none)
     */
    public static SandboxPolicy limits(final SlaSpec sla) {
        final ContainerConfig config = ContainerConfig.forSla(sla);
        if (!"none".equals(config.network())) {
            throw new IllegalArgumentException(
                    "SLA network '" + config.network() + "' is not supported; the sandbox runs with network none");
        }
        return SandboxPolicy.defaults().toBuilder()
                .nanoCpus(config.nanoCpus())
                .memoryBytes(config.memoryBytes())
                .wallTime(Duration.ofSeconds(config.wallSeconds()))
                .pidsLimit(config.pidsLimit())
                .tmpfsBytes(config.diskBytes())
                .stdoutLimitBytes(Math.toIntExact(config.stdoutLimitBytes()))
                .build();
    }

    /**
     * @return what the worker attests for a run that ran (any status but REFUSED); {@code outputBytes} is the size
     *     of the result (stdout without checkpoint lines), which the inline output must match
     */
    public static ReplicaEvidence evidence(final JobOutcome outcome) {
        final Measurements measured = outcome.measurements()
                .orElseThrow(() -> new IllegalArgumentException("a refused job has no result to attest"));
        final byte[] result = outcome.result();
        final ReplicaResult stated = ReplicaResult.builder()
                .resultHash(outcome.resultSha256())
                .exitCode(measured.exitCode())
                .limitHit(SlaLimit.valueOf(measured.limitHit().name()))
                .wallMillis(measured.wallMillis())
                .cpuMillis(measured.cpuTime().toMillis())
                .peakMemoryBytes(measured.peakMemoryBytes())
                .outputBytes(result.length)
                .checkpointRoot(outcome.checkpointRoot())
                .checkpoints(outcome.checkpointCount())
                .output(InlineText.of(result))
                .build();
        return new ReplicaEvidence(stated, result, outcome.checkpointPayloads());
    }
}
