// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BoundedBufferTest {

    private static byte[] bytes(final String text) {
        return text.getBytes(UTF_8);
    }

    @Nested
    class Head {

        @Test
        void keeps_everything_below_the_limit() {
            final BoundedBuffer buffer = BoundedBuffer.head(10);
            buffer.append(bytes("abc"));
            buffer.append(bytes("def"));

            assertThat(buffer.toUtf8()).isEqualTo("abcdef");
            assertThat(buffer.truncated()).isFalse();
            assertThat(buffer.totalBytes()).isEqualTo(6);
        }

        @Test
        void keeps_the_first_bytes_and_counts_the_rest() {
            final BoundedBuffer buffer = BoundedBuffer.head(5);
            buffer.append(bytes("abc"));
            buffer.append(bytes("defgh"));
            buffer.append(bytes("ijk"));

            assertThat(buffer.toUtf8()).isEqualTo("abcde");
            assertThat(buffer.truncated()).isTrue();
            assertThat(buffer.totalBytes()).isEqualTo(11);
        }

        @Test
        void exactly_full_is_not_truncated() {
            final BoundedBuffer buffer = BoundedBuffer.head(3);
            buffer.append(bytes("abc"));

            assertThat(buffer.toUtf8()).isEqualTo("abc");
            assertThat(buffer.truncated()).isFalse();
        }
    }

    @Nested
    class Tail {

        @Test
        void keeps_everything_below_the_limit() {
            final BoundedBuffer buffer = BoundedBuffer.tail(10);
            buffer.append(bytes("abc"));
            buffer.append(bytes("def"));

            assertThat(buffer.toUtf8()).isEqualTo("abcdef");
            assertThat(buffer.truncated()).isFalse();
        }

        @Test
        void keeps_the_last_bytes_across_the_wrap_around() {
            final BoundedBuffer buffer = BoundedBuffer.tail(5);
            buffer.append(bytes("abc"));
            buffer.append(bytes("def"));
            assertThat(buffer.toUtf8()).isEqualTo("bcdef");

            buffer.append(bytes("gh"));
            assertThat(buffer.toUtf8()).isEqualTo("defgh");

            buffer.append(bytes("ijkl"));
            assertThat(buffer.toUtf8()).isEqualTo("hijkl");
            assertThat(buffer.truncated()).isTrue();
            assertThat(buffer.totalBytes()).isEqualTo(12);
        }

        @Test
        void a_chunk_longer_than_the_limit_keeps_its_end() {
            final BoundedBuffer buffer = BoundedBuffer.tail(4);
            buffer.append(bytes("ab"));
            buffer.append(bytes("cdefghij"));

            assertThat(buffer.toUtf8()).isEqualTo("ghij");
        }

        @Test
        void many_single_bytes_keep_the_last_ones_in_order() {
            final BoundedBuffer buffer = BoundedBuffer.tail(7);
            for (char c = 'a'; c <= 'z'; c++) {
                buffer.append(new byte[] {(byte) c});
            }

            assertThat(buffer.toUtf8()).isEqualTo("tuvwxyz");
            assertThat(buffer.totalBytes()).isEqualTo(26);
        }
    }

    @Test
    void a_zero_limit_only_counts() {
        final BoundedBuffer head = BoundedBuffer.head(0);
        final BoundedBuffer tail = BoundedBuffer.tail(0);
        head.append(bytes("abc"));
        tail.append(bytes("abc"));

        assertThat(head.toUtf8()).isEmpty();
        assertThat(tail.toUtf8()).isEmpty();
        assertThat(head.truncated()).isTrue();
        assertThat(tail.totalBytes()).isEqualTo(3);
    }

    @Test
    void a_character_cut_at_the_limit_becomes_the_replacement_character() {
        final BoundedBuffer buffer = BoundedBuffer.head(2);
        buffer.append(bytes("aé"));

        assertThat(buffer.toUtf8()).isEqualTo("a\uFFFD");
    }

    @Test
    void rejects_a_negative_limit() {
        assertThatThrownBy(() -> BoundedBuffer.tail(-1)).hasMessage("limit must be at least 0, got -1");
    }
}
