// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.assignment;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Deterministic, unbiased draws from a seed: the n-th 256-bit block is SHA-256(seed || n) with n an 8-byte big-endian
 * counter, read as an unsigned integer. A draw from [0, bound) rejects blocks at or above the largest multiple of
 * bound below 2^256 and takes the remainder of the first block it accepts, so every value is exactly equally likely
 * (plain modulo would favour small values). Integers only; every endorser computes the same sequence.
 *
 * <p>Not thread-safe: one instance per transaction.
 */
public final class SeededDraw {
    private static final BigInteger TWO_TO_256 = BigInteger.ONE.shiftLeft(256);

    private final byte[] seed;
    private long counter;

    /** @param seed at least 32 bytes of seed material, e.g. a beacon round's sub-seed */
    public SeededDraw(final byte[] seed) {
        if (seed == null || seed.length < 32) {
            throw new IllegalArgumentException("a seed of at least 32 bytes is required");
        }
        this.seed = Arrays.copyOf(seed, seed.length);
    }

    /** @return a value in [0, bound), every value equally likely */
    public long below(final long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        final BigInteger range = BigInteger.valueOf(bound);
        final BigInteger limit = TWO_TO_256.subtract(TWO_TO_256.mod(range));
        while (true) {
            final BigInteger block = nextBlock();
            if (block.compareTo(limit) < 0) {
                return block.mod(range).longValueExact();
            }
        }
    }

    /** @return how many 256-bit blocks have been consumed, rejected ones included */
    public long blocksUsed() {
        return counter;
    }

    private BigInteger nextBlock() {
        final MessageDigest sha256 = sha256();
        sha256.update(seed);
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
        return new BigInteger(1, sha256.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
