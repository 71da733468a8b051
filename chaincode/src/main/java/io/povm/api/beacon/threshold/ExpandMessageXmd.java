// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import io.povm.api.PovmException;
import io.povm.api.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code expand_message_xmd} of RFC 9380, section 5.3.1, with SHA-256 (b_in_bytes = 32, s_in_bytes = 64): stretches a
 * message into {@code len} uniform bytes under a domain separation tag. A tag longer than 255 bytes is first hashed
 * as SHA-256("H2C-OVERSIZE-DST-" || tag) (section 5.3.3).
 */
public final class ExpandMessageXmd {
    private static final int B_IN_BYTES = 32;
    private static final int S_IN_BYTES = 64;
    private static final int MAX_DST = 255;
    private static final byte[] OVERSIZE = "H2C-OVERSIZE-DST-".getBytes(StandardCharsets.US_ASCII);

    private ExpandMessageXmd() {}

    /**
     * @param msg the message, any length
     * @param dst the domain separation tag, not empty
     * @param len the number of bytes wanted, 1..8160 (at most 255 SHA-256 blocks)
     * @return {@code len} uniform bytes
     */
    public static byte[] expand(final byte[] msg, final byte[] dst, final int len) {
        PovmException.requirePresent(msg, "msg", "bytes, possibly empty");
        PovmException.requirePresent(dst, "dst", "a domain separation tag");
        if (dst.length == 0) {
            throw PovmException.invalid("dst", "must not be empty (RFC 9380, section 3.1)");
        }
        final int ell = (len + B_IN_BYTES - 1) / B_IN_BYTES;
        if (len < 1 || ell > 255) {
            throw PovmException.invalid("len", "must be 1.." + 255 * B_IN_BYTES + ", got " + len);
        }
        final byte[] tag = dst.length > MAX_DST ? Sha256.hash(OVERSIZE, dst) : dst;
        final byte[] dstPrime = Arrays.copyOf(tag, tag.length + 1);
        dstPrime[tag.length] = (byte) tag.length;
        final byte[] b0 =
                Sha256.hash(new byte[S_IN_BYTES], msg, new byte[] {(byte) (len >>> 8), (byte) len, 0}, dstPrime);
        final byte[] out = new byte[ell * B_IN_BYTES];
        byte[] previous = Sha256.hash(b0, new byte[] {1}, dstPrime);
        System.arraycopy(previous, 0, out, 0, B_IN_BYTES);
        for (int i = 2; i <= ell; i++) {
            previous = Sha256.hash(xor(b0, previous), new byte[] {(byte) i}, dstPrime);
            System.arraycopy(previous, 0, out, (i - 1) * B_IN_BYTES, B_IN_BYTES);
        }
        return Arrays.copyOf(out, len);
    }

    private static byte[] xor(final byte[] a, final byte[] b) {
        final byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
