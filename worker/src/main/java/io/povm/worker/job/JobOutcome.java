// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import io.povm.api.Sha256;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one job: refused by the {@link ImageGate}, or run, with the hash of its result (stdout without
 * checkpoint lines), its {@link Measurements}, and the count and Merkle root of its checkpoints.
 */
public final class JobOutcome {
    /** How the job ended. */
    public enum Status {
        /** Exit code 0, no limit hit. */
        SUCCEEDED,
        /** Ran within its limits but exited non-zero. */
        FAILED,
        /** Stopped or spoiled by a limit: see {@link Measurements#limitHit()}. */
        LIMIT_EXCEEDED,
        /** The image gate refused it; nothing ran. */
        REFUSED
    }

    private final Status status;
    private final GateDecision gate;
    private final Optional<Measurements> measurements;
    private final byte[] result;
    private final CheckpointLog checkpoints;

    private JobOutcome(
            final Status status,
            final GateDecision gate,
            final Optional<Measurements> measurements,
            final byte[] result,
            final CheckpointLog checkpoints) {
        this.status = status;
        this.gate = gate;
        this.measurements = measurements;
        this.result = result;
        this.checkpoints = checkpoints;
    }

    static JobOutcome refused(final GateDecision gate) {
        if (gate.accepted()) {
            throw new IllegalArgumentException("an accepted gate decision is not a refusal: " + gate);
        }
        return new JobOutcome(Status.REFUSED, gate, Optional.empty(), new byte[0], CheckpointLog.parse(new byte[0]));
    }

    static JobOutcome ran(final GateDecision gate, final Measurements measurements, final CheckpointLog checkpoints) {
        Objects.requireNonNull(measurements, "measurements");
        final Status status;
        if (measurements.limitHit() != LimitHit.NONE) {
            status = Status.LIMIT_EXCEEDED;
        } else {
            status = measurements.exitCode() == 0 ? Status.SUCCEEDED : Status.FAILED;
        }
        return new JobOutcome(status, gate, Optional.of(measurements), checkpoints.result(), checkpoints);
    }

    public Status status() {
        return status;
    }

    /** Present when refused: why. */
    public Optional<RefusalReason> refusal() {
        return gate.refusal();
    }

    /** The gate's decision, with the image id that ran or the message why not. */
    public GateDecision gate() {
        return gate;
    }

    /** Present when the job ran. */
    public Optional<Measurements> measurements() {
        return measurements;
    }

    /** Stdout without the checkpoint lines; empty when refused. A copy. */
    public byte[] result() {
        return result.clone();
    }

    /** Lowercase hex SHA-256 of {@link #result()}. */
    public String resultSha256() {
        return Sha256.hex(Sha256.hash(result));
    }

    public int checkpointCount() {
        return checkpoints.count();
    }

    /** The checkpoint payloads in order (copies); their SHA-256 are the Merkle leaves. */
    public List<byte[]> checkpointPayloads() {
        return checkpoints.payloads();
    }

    /** Lowercase hex Merkle root of the checkpoints; {@code SHA-256("")} when there are none. */
    public String checkpointRoot() {
        return checkpoints.rootHex();
    }

    /** No result bytes: they may be confidential. */
    @Override
    public String toString() {
        return "JobOutcome{status=" + status + ", gate=" + gate + ", measurements=" + measurements.orElse(null)
                + ", resultSha256=" + resultSha256() + ", checkpoints=" + checkpointCount() + ", checkpointRoot="
                + checkpointRoot() + '}';
    }
}
