// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import io.povm.api.Sha256;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * A uniform integer x in [0, W) from a sub-seed, by rejection sampling: for ctr = 0, 1, ...: h = SHA-256(subSeed ||
 * ctr (8 bytes BE)) as an unsigned 256-bit integer; accept when h < 2^256 - (2^256 mod W), then x = h mod W. Plain
 * {@code h mod W} would favour the first 2^256 mod W values.
 */
public final class UniformDraw {
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    private UniformDraw() {}

    public static long draw(final byte[] subSeed, final long bound) {
        PovmException.requirePresent(subSeed, "subSeed", "the sub-seed bytes");
        if (bound < 1) {
            throw PovmException.invalid("bound", "must be at least 1, got " + bound);
        }
        final BigInteger w = BigInteger.valueOf(bound);
        final BigInteger limit = TWO_256.subtract(TWO_256.mod(w));
        for (long ctr = 0; ; ctr++) {
            final BigInteger h = new BigInteger(
                    1,
                    Sha256.hash(
                            subSeed,
                            ByteBuffer.allocate(Long.BYTES).putLong(ctr).array()));
            if (h.compareTo(limit) < 0) {
                return h.mod(w).longValueExact();
            }
        }
    }
}
