// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a worker reveals after every replica committed: its signed {@link Attestation}, the result inline when it is
 * short ({@code output}, at most {@value ReplicaResult#MAX_INLINE_OUTPUT_BYTES} UTF-8 bytes), and the checkpoint leaf
 * values (hex SHA-256 of each checkpoint payload, at most {@value #MAX_LEAVES}) so that a dispute can bisect them.
 *
 * <pre>{@code
 * {"attestation":{...},"signature":"MEUCIQ...","output":"{\"flips\":14}\n","checkpointLeaves":["ab12...",...]}
 * }</pre>
 */
@JsonRootName("reveal")
@JsonPropertyOrder({"attestation", "signature", "output", "checkpointLeaves"})
public record Reveal(
        @JsonProperty("attestation") Attestation attestation,
        @JsonProperty("signature") String signature,
        @JsonProperty("output") String output,
        @JsonProperty("checkpointLeaves") List<String> checkpointLeaves) {
    /** The most checkpoint leaves a reveal carries; a job with more reveals none (its root still counts). */
    public static final int MAX_LEAVES = 256;

    /** Largest reveal JSON a transaction accepts, in UTF-8 bytes. */
    public static final int MAX_REVEAL_BYTES = 32 * 1024;

    public Reveal {
        PovmException.requirePresent(attestation, "reveal.attestation", "the signed attestation");
        PovmException.requirePresent(signature, "reveal.signature", "base64 DER ECDSA signature");
        if (signature.length() > 256) {
            throw PovmException.invalid("reveal.signature", "has " + signature.length() + " chars; at most 256");
        }
        checkpointLeaves = checkpointLeaves == null ? List.of() : List.copyOf(checkpointLeaves);
        if (checkpointLeaves.size() > MAX_LEAVES) {
            throw PovmException.invalid(
                    "reveal.checkpointLeaves", "has " + checkpointLeaves.size() + " leaves; at most " + MAX_LEAVES);
        }
        for (int i = 0; i < checkpointLeaves.size(); i++) {
            Commitment.requireHex(checkpointLeaves.get(i), "reveal.checkpointLeaves[" + i + "]");
        }
        if (output != null && output.getBytes(StandardCharsets.UTF_8).length > ReplicaResult.MAX_INLINE_OUTPUT_BYTES) {
            throw PovmException.invalid(
                    "reveal.output", "is longer than " + ReplicaResult.MAX_INLINE_OUTPUT_BYTES + " UTF-8 bytes");
        }
    }

    /** @return the inline output, when the result was short enough */
    public Optional<String> inlineOutput() {
        return Optional.ofNullable(output);
    }

    /** @return the checkpoint leaf values as bytes */
    public List<byte[]> leafValues() {
        final List<byte[]> values = new ArrayList<>(checkpointLeaves.size());
        checkpointLeaves.forEach(leaf -> values.add(HexFormat.of().parseHex(leaf)));
        return values;
    }
}
