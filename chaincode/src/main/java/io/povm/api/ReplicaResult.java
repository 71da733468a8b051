// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a worker reports for its replica: the hash of the result, how the run ended and what it used, as the worker
 * measured it, and the Merkle root of the checkpoints the job emitted. Short results travel inline in {@code output}
 * so that anyone can read them from the ledger.
 *
 * <pre>{@code
 * {"resultHash":"9f86…","exitCode":0,"limitHit":"NONE","wallMillis":812,"cpuMillis":640,
 *  "peakMemoryBytes":9437184,"outputBytes":38,"checkpointRoot":"5e2b…","checkpoints":4,
 *  "output":"{\"seed\":\"abc\",\"k\":8,\"flips\":377}\n"}
 * }</pre>
 *
 * <p>Until the attestation issue adds commit-reveal and signatures, the report is stored as is.
 */
@JsonPropertyOrder({
    "resultHash",
    "exitCode",
    "limitHit",
    "wallMillis",
    "cpuMillis",
    "peakMemoryBytes",
    "outputBytes",
    "checkpointRoot",
    "checkpoints",
    "output"
})
public final class ReplicaResult {
    /** Largest inline output, in UTF-8 bytes; longer results are reported by hash only. */
    public static final int MAX_INLINE_OUTPUT_BYTES = 4096;

    /** Largest report JSON a transaction accepts, in UTF-8 bytes. */
    public static final int MAX_REPORT_BYTES = 16 * 1024;

    static final String HASH_ACCEPTED = "64 lowercase hex digits (SHA-256)";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    @JsonProperty("resultHash")
    private final String resultHash;

    @JsonProperty("exitCode")
    private final int exitCode;

    @JsonProperty("limitHit")
    private final SlaLimit limitHit;

    @JsonProperty("wallMillis")
    private final long wallMillis;

    @JsonProperty("cpuMillis")
    private final long cpuMillis;

    @JsonProperty("peakMemoryBytes")
    private final long peakMemoryBytes;

    @JsonProperty("outputBytes")
    private final long outputBytes;

    @JsonProperty("checkpointRoot")
    private final String checkpointRoot;

    @JsonProperty("checkpoints")
    private final int checkpoints;

    @JsonProperty("output")
    private final String output;

    private ReplicaResult(final Builder b) {
        this.resultHash = sha256(b.resultHash, "result.resultHash");
        this.exitCode = b.exitCode;
        this.limitHit = PovmException.requirePresent(
                b.limitHit,
                "result.limitHit",
                "one of NONE, TIMEOUT, " + "OOM_KILLED, PIDS_LIMIT, DISK_LIMIT, OUTPUT_LIMIT");
        this.wallMillis = nonNegative(b.wallMillis, "result.wallMillis");
        this.cpuMillis = nonNegative(b.cpuMillis, "result.cpuMillis");
        this.peakMemoryBytes = nonNegative(b.peakMemoryBytes, "result.peakMemoryBytes");
        this.outputBytes = nonNegative(b.outputBytes, "result.outputBytes");
        this.checkpointRoot = sha256(b.checkpointRoot, "result.checkpointRoot");
        this.checkpoints = (int) nonNegative(b.checkpoints, "result.checkpoints");
        if (b.output != null && b.output.getBytes(StandardCharsets.UTF_8).length > MAX_INLINE_OUTPUT_BYTES) {
            throw PovmException.invalid(
                    "result.output",
                    "is longer than " + MAX_INLINE_OUTPUT_BYTES + " bytes; report a longer result by its hash only");
        }
        this.output = b.output;
    }

    /**
     * @return the report JSON, when it is at most {@value #MAX_REPORT_BYTES} bytes
     * @throws PovmException INVALID_ARGUMENT [result] when it is missing or longer
     */
    public static String checkSize(final String reportJson) {
        PovmException.requirePresent(reportJson, "result", "a result JSON object");
        final int bytes = reportJson.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_REPORT_BYTES) {
            throw PovmException.invalid(
                    "result", "is " + bytes + " bytes; at most " + MAX_REPORT_BYTES + " bytes accepted");
        }
        return reportJson;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonCreator
    static ReplicaResult fromJson(
            @JsonProperty("resultHash") final String resultHash,
            @JsonProperty("exitCode") final Integer exitCode,
            @JsonProperty("limitHit") final SlaLimit limitHit,
            @JsonProperty("wallMillis") final Long wallMillis,
            @JsonProperty("cpuMillis") final Long cpuMillis,
            @JsonProperty("peakMemoryBytes") final Long peakMemoryBytes,
            @JsonProperty("outputBytes") final Long outputBytes,
            @JsonProperty("checkpointRoot") final String checkpointRoot,
            @JsonProperty("checkpoints") final Integer checkpoints,
            @JsonProperty("output") final String output) {
        return builder()
                .resultHash(resultHash)
                .exitCode(PovmException.requirePresent(exitCode, "result.exitCode", "the container's exit code"))
                .limitHit(limitHit)
                .wallMillis(PovmException.requirePresent(wallMillis, "result.wallMillis", "milliseconds, 0 or more"))
                .cpuMillis(PovmException.requirePresent(cpuMillis, "result.cpuMillis", "milliseconds, 0 or more"))
                .peakMemoryBytes(
                        PovmException.requirePresent(peakMemoryBytes, "result.peakMemoryBytes", "bytes, 0 or more"))
                .outputBytes(PovmException.requirePresent(outputBytes, "result.outputBytes", "bytes, 0 or more"))
                .checkpointRoot(checkpointRoot)
                .checkpoints(PovmException.requirePresent(checkpoints, "result.checkpoints", "a count, 0 or more"))
                .output(Optional.ofNullable(output))
                .build();
    }

    private static String sha256(final String value, final String field) {
        PovmException.requirePresent(value, field, HASH_ACCEPTED);
        if (!SHA256_HEX.matcher(value).matches()) {
            throw PovmException.invalid(field, "must be " + HASH_ACCEPTED);
        }
        return value;
    }

    private static long nonNegative(final long value, final String field) {
        if (value < 0) {
            throw PovmException.invalid(field, "must be 0 or more; got " + value);
        }
        return value;
    }

    public String resultHash() {
        return resultHash;
    }

    public int exitCode() {
        return exitCode;
    }

    public SlaLimit limitHit() {
        return limitHit;
    }

    public long wallMillis() {
        return wallMillis;
    }

    public long cpuMillis() {
        return cpuMillis;
    }

    public long peakMemoryBytes() {
        return peakMemoryBytes;
    }

    public long outputBytes() {
        return outputBytes;
    }

    public String checkpointRoot() {
        return checkpointRoot;
    }

    public int checkpoints() {
        return checkpoints;
    }

    /** @return the result itself when it was short enough to report inline */
    public Optional<String> output() {
        return Optional.ofNullable(output);
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ReplicaResult)) {
            return false;
        }
        final ReplicaResult that = (ReplicaResult) other;
        return exitCode == that.exitCode
                && wallMillis == that.wallMillis
                && cpuMillis == that.cpuMillis
                && peakMemoryBytes == that.peakMemoryBytes
                && outputBytes == that.outputBytes
                && checkpoints == that.checkpoints
                && resultHash.equals(that.resultHash)
                && limitHit == that.limitHit
                && checkpointRoot.equals(that.checkpointRoot)
                && Objects.equals(output, that.output);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resultHash, exitCode, limitHit, wallMillis, cpuMillis, checkpointRoot, checkpoints);
    }

    @Override
    public String toString() {
        return "ReplicaResult{resultHash=" + resultHash + ", exitCode=" + exitCode + ", limitHit=" + limitHit
                + ", wallMillis=" + wallMillis + ", checkpoints=" + checkpoints + "}";
    }

    /** Builds a {@link ReplicaResult}; {@link #build()} checks every field. */
    public static final class Builder {
        private String resultHash;
        private int exitCode;
        private SlaLimit limitHit = SlaLimit.NONE;
        private long wallMillis;
        private long cpuMillis;
        private long peakMemoryBytes;
        private long outputBytes;
        private String checkpointRoot;
        private int checkpoints;
        private String output;

        private Builder() {}

        public Builder resultHash(final String value) {
            this.resultHash = value;
            return this;
        }

        public Builder exitCode(final int value) {
            this.exitCode = value;
            return this;
        }

        public Builder limitHit(final SlaLimit value) {
            this.limitHit = value;
            return this;
        }

        public Builder wallMillis(final long value) {
            this.wallMillis = value;
            return this;
        }

        public Builder cpuMillis(final long value) {
            this.cpuMillis = value;
            return this;
        }

        public Builder peakMemoryBytes(final long value) {
            this.peakMemoryBytes = value;
            return this;
        }

        public Builder outputBytes(final long value) {
            this.outputBytes = value;
            return this;
        }

        public Builder checkpointRoot(final String value) {
            this.checkpointRoot = value;
            return this;
        }

        public Builder checkpoints(final int value) {
            this.checkpoints = value;
            return this;
        }

        public Builder output(final Optional<String> value) {
            this.output = value.orElse(null);
            return this;
        }

        public ReplicaResult build() {
            return new ReplicaResult(this);
        }
    }
}
