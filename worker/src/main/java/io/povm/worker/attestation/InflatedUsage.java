// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import io.povm.api.ReplicaResult;
import io.povm.api.SlaSpec;

/**
 * Faulty mode {@code inflate-usage}: keeps an honest run's answer (result, output, checkpoints) and claims the SLA's
 * max wall time less 1 ms as its wall time, and as much CPU: the most a worker paid on its own word would claim
 * without breaking the SLA's wall limit. The agreed-usage rule (docs/consensus.md) pays it like its honest peers.
 */
public final class InflatedUsage {
    private InflatedUsage() {}

    public static ReplicaEvidence inflate(final ReplicaEvidence honest, final SlaSpec sla) {
        final long claimed = sla.vm().maxWallSeconds() * 1000L - 1;
        final ReplicaResult was = honest.result();
        final ReplicaResult inflated = ReplicaResult.builder()
                .resultHash(was.resultHash())
                .exitCode(was.exitCode())
                .limitHit(was.limitHit())
                .wallMillis(Math.max(claimed, was.wallMillis()))
                .cpuMillis(Math.max(claimed, was.cpuMillis()))
                .peakMemoryBytes(was.peakMemoryBytes())
                .outputBytes(was.outputBytes())
                .checkpointRoot(was.checkpointRoot())
                .checkpoints(was.checkpoints())
                .output(was.output())
                .build();
        return new ReplicaEvidence(inflated, honest.output(), honest.checkpointPayloads());
    }
}
