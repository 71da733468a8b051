// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The binary SHA-256 Merkle root over a list of 32-byte leaf values, as in RFC 6962 (Certificate Transparency),
 * section 2.1; see {@code docs/checkpoints.md}.
 *
 * <ul>
 *   <li>empty list: {@code SHA-256("")}
 *   <li>leaf node: {@code SHA-256(0x00 || value)}; inner node: {@code SHA-256(0x01 || left || right)}
 *   <li>a level with an odd number of nodes carries its last node up unchanged (no duplication), which gives the
 *       same root as RFC 6962's split at the largest power of two below the size
 * </ul>
 */
public final class MerkleTree {
    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {}

    public static byte[] root(final List<byte[]> leafValues) {
        Objects.requireNonNull(leafValues, "leafValues");
        if (leafValues.isEmpty()) {
            return Sha256.hash();
        }
        List<byte[]> level = new ArrayList<>(leafValues.size());
        for (final byte[] value : leafValues) {
            level.add(Sha256.hash(new byte[] {LEAF_PREFIX}, value));
        }
        while (level.size() > 1) {
            final List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(Sha256.hash(new byte[] {NODE_PREFIX}, level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }
}
