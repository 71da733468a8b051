// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.io.IOException;
import java.util.Optional;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * A proof of VM (paper 000, definition 3): the worker's signed statement that VM {@code workerKey} with the container
 * configuration {@code configHash} ran replica {@code replica} of job {@code jobId} from image {@code imageDigest}
 * under SLA {@code slaRef}, what it measured, and what came out. The worker signs its canonical bytes: the RFC 8785
 * (JSON Canonicalization Scheme) form of {@code PovmJson.write(this)}, i.e. members sorted by name, no whitespace,
 * minimal string escapes, in UTF-8 (see {@link AttestationSignature}). Anyone can rebuild them from the stored JSON
 * in any language without povm's serializer; {@code scripts/verify-attestations.py} does in Python.
 *
 * <pre>{@code
 * {"version":1,"jobId":"flip-1","replica":0,"workerKey":"Org1MSP/w1","msp":"Org1MSP",
 *  "imageDigest":"sha256:...","slaRef":"coinflip@1","configHash":"...","wallMillis":812,"cpuMillis":640,
 *  "peakMemoryBytes":1048576,"exitCode":0,"limitHit":"NONE","outputBytes":17,"resultHash":"...",
 *  "checkpointRoot":"...","checkpoints":3,"nonce":"..."}
 * }</pre>
 */
@JsonRootName("attestation")
@JsonPropertyOrder({
    "version",
    "jobId",
    "replica",
    "workerKey",
    "msp",
    "imageDigest",
    "slaRef",
    "configHash",
    "wallMillis",
    "cpuMillis",
    "peakMemoryBytes",
    "exitCode",
    "limitHit",
    "outputBytes",
    "resultHash",
    "checkpointRoot",
    "checkpoints",
    "nonce"
})
public record Attestation(
        @JsonProperty("version") Integer version,
        @JsonProperty("jobId") String jobId,
        @JsonProperty("replica") Integer replica,
        @JsonProperty("workerKey") String workerKey,
        @JsonProperty("msp") String msp,
        @JsonProperty("imageDigest") String imageDigest,
        @JsonProperty("slaRef") String slaRef,
        @JsonProperty("configHash") String configHash,
        @JsonProperty("wallMillis") Long wallMillis,
        @JsonProperty("cpuMillis") Long cpuMillis,
        @JsonProperty("peakMemoryBytes") Long peakMemoryBytes,
        @JsonProperty("exitCode") Integer exitCode,
        @JsonProperty("limitHit") SlaLimit limitHit,
        @JsonProperty("outputBytes") Long outputBytes,
        @JsonProperty("resultHash") String resultHash,
        @JsonProperty("checkpointRoot") String checkpointRoot,
        @JsonProperty("checkpoints") Integer checkpoints,
        @JsonProperty("nonce") String nonce) {
    /** The only version so far. */
    public static final int VERSION = 1;

    /** Every field is required; the hashes and the nonce must be 64 lowercase hex digits. */
    public Attestation {
        if (!Integer.valueOf(VERSION).equals(PovmException.requirePresent(version, "attestation.version", "1"))) {
            throw PovmException.invalid("attestation.version", "is " + version + "; must be " + VERSION);
        }
        PovmException.requirePresent(jobId, "attestation.jobId", "the job's id");
        requireNonNegative(PovmException.requirePresent(replica, "attestation.replica", "0-based index"), "replica");
        PovmException.requirePresent(workerKey, "attestation.workerKey", "MSP/NAME");
        PovmException.requirePresent(msp, "attestation.msp", "the worker's MSP id");
        PovmException.requirePresent(imageDigest, "attestation.imageDigest", "the job's image reference");
        PovmException.requirePresent(slaRef, "attestation.slaRef", "NAME@VERSION");
        Commitment.requireHex(configHash, "attestation.configHash");
        requireNonNegative(PovmException.requirePresent(wallMillis, "attestation.wallMillis", "ms"), "wallMillis");
        requireNonNegative(PovmException.requirePresent(cpuMillis, "attestation.cpuMillis", "ms"), "cpuMillis");
        requireNonNegative(
                PovmException.requirePresent(peakMemoryBytes, "attestation.peakMemoryBytes", "bytes"),
                "peakMemoryBytes");
        PovmException.requirePresent(exitCode, "attestation.exitCode", "the exit code");
        PovmException.requirePresent(limitHit, "attestation.limitHit", "an SlaLimit");
        requireNonNegative(
                PovmException.requirePresent(outputBytes, "attestation.outputBytes", "bytes"), "outputBytes");
        Commitment.requireHex(resultHash, "attestation.resultHash");
        Commitment.requireHex(checkpointRoot, "attestation.checkpointRoot");
        requireNonNegative(
                PovmException.requirePresent(checkpoints, "attestation.checkpoints", "a count"), "checkpoints");
        Commitment.requireHex(nonce, "attestation.nonce");
    }

    /**
     * The largest integer every JSON reader holds exactly (2^53 - 1): RFC 8785 writes numbers as IEEE doubles, so a
     * larger figure would be signed in a form another language's reader does not rebuild.
     */
    public static final long MAX_FIGURE = (1L << 53) - 1;

    private static void requireNonNegative(final long value, final String field) {
        if (value < 0) {
            throw PovmException.invalid("attestation." + field, "is " + value + "; must be 0 or more");
        }
        if (value > MAX_FIGURE) {
            throw PovmException.invalid(
                    "attestation." + field, "is " + value + "; must be at most " + MAX_FIGURE + " (2^53 - 1)");
        }
    }

    /**
     * @return the attestation of {@code result}, measured by worker {@code workerKey} for a replica of {@code job}
     */
    public static Attestation of(
            final Job job,
            final int replica,
            final String workerKey,
            final String msp,
            final ContainerConfig config,
            final ReplicaResult result,
            final String nonce) {
        return new Attestation(
                VERSION,
                job.id(),
                replica,
                workerKey,
                msp,
                job.spec().image(),
                job.spec().sla(),
                config.hash(),
                result.wallMillis(),
                result.cpuMillis(),
                result.peakMemoryBytes(),
                result.exitCode(),
                result.limitHit(),
                result.outputBytes(),
                result.resultHash(),
                result.checkpointRoot(),
                result.checkpoints(),
                nonce);
    }

    /**
     * @return the same statement of measurements and result, claimed for another replica, worker and nonce (what a
     *     copier would post; its signature must be made anew)
     */
    public Attestation claimedAs(
            final int otherReplica, final String otherWorker, final String otherMsp, final String otherNonce) {
        return new Attestation(
                version,
                jobId,
                otherReplica,
                otherWorker,
                otherMsp,
                imageDigest,
                slaRef,
                configHash,
                wallMillis,
                cpuMillis,
                peakMemoryBytes,
                exitCode,
                limitHit,
                outputBytes,
                resultHash,
                checkpointRoot,
                checkpoints,
                otherNonce);
    }

    /** @return the commitment this attestation opens */
    public String commitment() {
        return Commitment.of(resultHash, nonce, workerKey);
    }

    /** @return the canonical bytes the worker signs: the RFC 8785 form of the attestation's JSON */
    public byte[] canonicalBytes() {
        try {
            return new JsonCanonicalizer(PovmJson.write(this)).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalStateException("an attestation's own JSON does not canonicalize", e);
        }
    }

    /** @return the result the attestation states, with {@code output} inline when given */
    public ReplicaResult result(final Optional<String> output) {
        return ReplicaResult.builder()
                .resultHash(resultHash)
                .exitCode(exitCode)
                .limitHit(limitHit)
                .wallMillis(wallMillis)
                .cpuMillis(cpuMillis)
                .peakMemoryBytes(peakMemoryBytes)
                .outputBytes(outputBytes)
                .checkpointRoot(checkpointRoot)
                .checkpoints(checkpoints)
                .output(output)
                .build();
    }
}
