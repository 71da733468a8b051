// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import io.povm.api.MerkleTree;
import io.povm.api.ReplicaResult;
import io.povm.api.Sha256;
import java.util.List;
import java.util.Objects;

/**
 * What one run of a replica produced, before it is sealed: the {@link ReplicaResult} (hashes and measurements), the
 * result bytes themselves and the checkpoint payloads, from which the reveal takes its inline output and its leaves.
 */
public final class ReplicaEvidence {
    private final ReplicaResult result;
    private final byte[] output;
    private final List<byte[]> checkpointPayloads;

    /**
     * @param result what the attestation states; its {@code resultHash}, {@code outputBytes}, {@code checkpoints} and
     *     {@code checkpointRoot} must describe {@code output} and {@code checkpointPayloads}
     */
    public ReplicaEvidence(final ReplicaResult result, final byte[] output, final List<byte[]> checkpointPayloads) {
        this.result = Objects.requireNonNull(result, "result");
        this.output = Objects.requireNonNull(output, "output").clone();
        this.checkpointPayloads = checkpointPayloads.stream().map(byte[]::clone).toList();
    }

    public ReplicaResult result() {
        return result;
    }

    /** @return the result bytes (stdout without checkpoint lines), a copy */
    public byte[] output() {
        return output.clone();
    }

    /** @return the checkpoint payloads in order, copies */
    public List<byte[]> checkpointPayloads() {
        return checkpointPayloads.stream().map(byte[]::clone).toList();
    }

    /** @return SHA-256 of each checkpoint payload: the Merkle leaf values */
    public List<byte[]> leafValues() {
        return checkpointPayloads.stream().map(Sha256::hash).toList();
    }

    /** @return the hex Merkle root over {@link #leafValues()} */
    public String checkpointRoot() {
        return Sha256.hex(MerkleTree.root(leafValues()));
    }
}
