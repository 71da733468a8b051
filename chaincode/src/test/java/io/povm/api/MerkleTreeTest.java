// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Roots pinned from an independent Python RFC 6962 implementation (docs/checkpoints.md). */
class MerkleTreeTest {
    private static byte[] value(final String text) {
        return Sha256.hash(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String root(final List<byte[]> values) {
        return Sha256.hex(MerkleTree.root(values));
    }

    @Test
    void the_empty_list_has_the_sha256_of_nothing_as_root() {
        assertThat(root(List.of())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void one_value_is_hashed_as_a_leaf_with_prefix_0() {
        assertThat(root(List.of(value("a"))))
                .isEqualTo("a23bd5b06da9048238a65b3f1d9d0b9e15fae3dde262688e6489aa4c763d1820")
                .isEqualTo(Sha256.hex(Sha256.hash(new byte[] {0}, value("a"))));
    }

    @Test
    void two_leaves_are_joined_with_prefix_1() {
        final byte[] a = Sha256.hash(new byte[] {0}, value("a"));
        final byte[] b = Sha256.hash(new byte[] {0}, value("b"));

        assertThat(root(List.of(value("a"), value("b"))))
                .isEqualTo("ad5ca6cddc0b27c6a83e332bf28011769236e6c6a1f786ebf7b5267b37a5bd22")
                .isEqualTo(Sha256.hex(Sha256.hash(new byte[] {1}, a, b)));
    }

    @Test
    void an_odd_last_node_is_carried_up_unchanged() {
        final byte[] ab = MerkleTree.root(List.of(value("a"), value("b")));
        final byte[] c = Sha256.hash(new byte[] {0}, value("c"));

        assertThat(root(List.of(value("a"), value("b"), value("c"))))
                .isEqualTo("cac3d448d4e20a2ad5eae1f500e63c2a7f9217cd14572ba7fd22e26dc1ec2648")
                .isEqualTo(Sha256.hex(Sha256.hash(new byte[] {1}, ab, c)));
    }

    @Test
    void five_leaves_match_rfc_6962() {
        final List<byte[]> values =
                IntStream.range(0, 5).mapToObj(i -> value(String.valueOf(i))).toList();

        assertThat(root(values)).isEqualTo("4e23fb40d8876f1299cca9b3c28432a01b11d1a20126606914612892ff2e09a7");
    }
}
