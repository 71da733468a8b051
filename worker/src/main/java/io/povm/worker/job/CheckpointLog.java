// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import io.povm.api.MerkleTree;
import io.povm.api.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The checkpoints a job printed, in order, and the rest of its stdout (the result); see {@code docs/checkpoints.md}.
 *
 * <p>A checkpoint is a stdout line, ended by {@code \n}, that starts with {@value #MARKER}; its payload is the bytes
 * after the marker, without the {@code \n}. Each payload's SHA-256 is a leaf value of a {@link MerkleTree}. Every
 * other byte of stdout, including a last line without {@code \n}, belongs to the result.
 */
public final class CheckpointLog {
    /** Starts a checkpoint line, followed by the payload. */
    public static final String MARKER = "POVM-CHECKPOINT ";

    private static final byte[] MARKER_BYTES = MARKER.getBytes(StandardCharsets.US_ASCII);

    private final List<byte[]> payloads;
    private final byte[] result;

    private CheckpointLog(final List<byte[]> payloads, final byte[] result) {
        this.payloads = payloads;
        this.result = result;
    }

    public static CheckpointLog parse(final byte[] stdout) {
        Objects.requireNonNull(stdout, "stdout");
        final List<byte[]> payloads = new ArrayList<>();
        final ByteArrayOutputStream result = new ByteArrayOutputStream(stdout.length);
        int start = 0;
        while (start < stdout.length) {
            final int newline = indexOf(stdout, (byte) '\n', start);
            final int end = newline < 0 ? stdout.length : newline + 1;
            if (newline >= 0 && startsWithMarker(stdout, start, newline)) {
                payloads.add(Arrays.copyOfRange(stdout, start + MARKER_BYTES.length, newline));
            } else {
                result.write(stdout, start, end - start);
            }
            start = end;
        }
        return new CheckpointLog(List.copyOf(payloads), result.toByteArray());
    }

    public int count() {
        return payloads.size();
    }

    /** The payloads in order, copies. */
    public List<byte[]> payloads() {
        return payloads.stream().map(byte[]::clone).toList();
    }

    /** SHA-256 of each payload: the Merkle leaf values. */
    public List<byte[]> leafValues() {
        return payloads.stream().map(Sha256::hash).toList();
    }

    public byte[] root() {
        return MerkleTree.root(leafValues());
    }

    public String rootHex() {
        return Sha256.hex(root());
    }

    /** Stdout without the checkpoint lines. */
    public byte[] result() {
        return result.clone();
    }

    private static boolean startsWithMarker(final byte[] bytes, final int from, final int lineEnd) {
        return lineEnd - from >= MARKER_BYTES.length
                && Arrays.equals(bytes, from, from + MARKER_BYTES.length, MARKER_BYTES, 0, MARKER_BYTES.length);
    }

    private static int indexOf(final byte[] bytes, final byte value, final int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "CheckpointLog{count=" + payloads.size() + ", root=" + rootHex() + ", resultBytes=" + result.length
                + '}';
    }
}
