// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.Attestation;
import io.povm.api.AttestationSignature;
import io.povm.api.ContainerConfig;
import io.povm.api.Job;
import io.povm.api.MerkleTree;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.Reveal;
import io.povm.api.Sha256;
import io.povm.api.SlaSpec;
import io.povm.api.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Test answers: honest, signed reveals of a replica's result (an output and its checkpoint payloads), with the
 * commitment that they open. One P-256 key pair stands for every worker's attestation key.
 */
final class Answers {
    static final KeyPair KEYS = TestKeys.p256();

    private Answers() {}

    /** @return 64 hex digits that differ per {@code label} */
    static String nonce(final String label) {
        return Sha256.hex(Sha256.hash(label.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return the hex leaf values of checkpoint payloads {@code prefix + i} for i below {@code count} */
    static List<String> leaves(final String prefix, final int count) {
        final List<String> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(Sha256.hex(Sha256.hash((prefix + i).getBytes(StandardCharsets.UTF_8))));
        }
        return leaves;
    }

    static ReplicaResult result(final String output, final List<String> leaves) {
        final byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
        final List<byte[]> values =
                leaves.stream().map(HexFormat.of()::parseHex).toList();
        return ReplicaResult.builder()
                .resultHash(Sha256.hex(Sha256.hash(bytes)))
                .exitCode(0)
                .wallMillis(800)
                .cpuMillis(700)
                .peakMemoryBytes(1 << 20)
                .outputBytes(bytes.length)
                .checkpointRoot(Sha256.hex(MerkleTree.root(values)))
                .checkpoints(leaves.size())
                .output(Optional.of(output))
                .build();
    }

    /** @return the signed reveal of {@code output} by the worker of replica {@code index} */
    static Reveal reveal(
            final Job job, final int index, final SlaSpec sla, final String output, final List<String> leaves) {
        final Replica replica = job.replicas().get(index);
        final Attestation attestation = Attestation.of(
                job,
                index,
                replica.workerKey(),
                replica.msp(),
                ContainerConfig.forSla(sla),
                result(output, leaves),
                nonce(job.id() + "#" + index));
        return new Reveal(attestation, AttestationSignature.sign(attestation, KEYS.getPrivate()), output, leaves);
    }

    static Reveal reveal(final Job job, final int index, final SlaSpec sla, final String output) {
        return reveal(job, index, sla, output, leaves(output, 4));
    }
}
