// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * Keeps at most {@code limit} bytes of a stream, either the first ones ({@link #head}) or the last ones ({@link
 * #tail}), and counts every byte offered. Thread-safe: the engine's callback thread appends, the runner reads.
 */
final class BoundedBuffer {
    private final boolean keepTail;
    private final byte[] data;
    private int start;
    private int size;
    private long total;

    private BoundedBuffer(final int limit, final boolean keepTail) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0, got " + limit);
        }
        this.data = new byte[limit];
        this.keepTail = keepTail;
    }

    /** Keeps the first {@code limit} bytes. */
    static BoundedBuffer head(final int limit) {
        return new BoundedBuffer(limit, false);
    }

    /** Keeps the last {@code limit} bytes. */
    static BoundedBuffer tail(final int limit) {
        return new BoundedBuffer(limit, true);
    }

    synchronized void append(final byte[] bytes) {
        total += bytes.length;
        if (keepTail) {
            appendTail(bytes);
        } else {
            final int copied = Math.min(bytes.length, data.length - size);
            System.arraycopy(bytes, 0, data, size, copied);
            size += copied;
        }
    }

    private void appendTail(final byte[] bytes) {
        final int capacity = data.length;
        if (bytes.length >= capacity) {
            System.arraycopy(bytes, bytes.length - capacity, data, 0, capacity);
            start = 0;
            size = capacity;
            return;
        }
        final int writeAt = (start + size) % capacity;
        final int firstPart = Math.min(bytes.length, capacity - writeAt);
        System.arraycopy(bytes, 0, data, writeAt, firstPart);
        System.arraycopy(bytes, firstPart, data, 0, bytes.length - firstPart);
        final int overflow = size + bytes.length - capacity;
        if (overflow > 0) {
            start = (start + overflow) % capacity;
            size = capacity;
        } else {
            size += bytes.length;
        }
    }

    /** Every byte appended, kept or not. */
    synchronized long totalBytes() {
        return total;
    }

    /** Whether some bytes were dropped. */
    synchronized boolean truncated() {
        return total > size;
    }

    synchronized byte[] toByteArray() {
        final byte[] copy = new byte[size];
        final int firstPart = Math.min(size, data.length - start);
        System.arraycopy(data, start, copy, 0, firstPart);
        System.arraycopy(data, 0, copy, firstPart, size - firstPart);
        return copy;
    }

    /** The kept bytes as UTF-8; a character cut at the boundary becomes U+FFFD. */
    String toUtf8() {
        return new String(toByteArray(), StandardCharsets.UTF_8);
    }
}
