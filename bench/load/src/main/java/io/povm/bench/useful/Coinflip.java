// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.useful;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalLong;

/**
 * The rule of {@code povm/coinflip} (docs/coinflip.md) in Java, to choose seeds whose run needs a known number of
 * flips: the image's Python takes seconds for what this counts in milliseconds, so P4 can ask for jobs of about 1 s
 * or 10 s of CPU even though the number of flips until K heads in a row varies by a factor of ten between seeds.
 */
public final class Coinflip {
    private static final int FLIPS_PER_BLOCK = 256;

    private Coinflip() {}

    /**
     * @return how many flips the image makes for {@code seed} and {@code k}, or empty when it would need more than
     *     {@code limit}
     */
    public static OptionalLong flips(final String seed, final int k, final long limit) {
        final MessageDigest sha = sha256();
        final byte[] prefix = seed.getBytes(StandardCharsets.UTF_8);
        int streak = 0;
        byte[] block = new byte[0];
        for (long i = 0; i < limit; i++) {
            if (i % FLIPS_PER_BLOCK == 0) {
                sha.update(prefix);
                block = sha.digest(ByteBuffer.allocate(Long.BYTES)
                        .putLong(i / FLIPS_PER_BLOCK)
                        .array());
            }
            final int bit = (block[(int) ((i / 8) % 32)] >> (int) (i % 8)) & 1;
            streak = bit == 1 ? streak + 1 : 0;
            if (streak == k) {
                return OptionalLong.of(i + 1);
            }
        }
        return OptionalLong.empty();
    }

    /** @return the K whose expected flips, 2^(K+1) - 2, come closest to {@code flips} (1 to 48) */
    public static int kFor(final long flips) {
        final int k = (int) Math.round(Math.log(Math.max(flips, 2) + 2.0) / Math.log(2)) - 1;
        return Math.max(1, Math.min(48, k));
    }

    /**
     * @param prefix the seeds tried are {@code prefix0}, {@code prefix1}, ...
     * @param from the first number tried
     * @param flips the wanted number of flips; a seed within 20 % of it is taken
     * @return the first seed number from {@code from} on whose run at {@link #kFor K} is within 20 % of {@code flips}
     */
    public static long seedNear(final String prefix, final long from, final long flips) {
        final int k = kFor(flips);
        final long low = Math.round(flips * 0.8);
        final long high = Math.round(flips * 1.2);
        for (long n = from; ; n++) {
            final OptionalLong made = flips(prefix + n, k, high);
            if (made.isPresent() && made.getAsLong() >= low) {
                return n;
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
