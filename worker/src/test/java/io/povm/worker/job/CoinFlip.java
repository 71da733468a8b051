// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import io.povm.api.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An independent Java reading of docs/coinflip.md, to check the image's output against. */
public final class CoinFlip {
    private CoinFlip() {}

    /** flip(i) = bit (i mod 8) of byte ((i div 8) mod 32) of SHA-256(seed || (i div 256) as 8 bytes big-endian). */
    static boolean heads(final String seed, final long i) {
        return ((block(seed, i / 256)[(int) (i / 8 % 32)] >> (i % 8)) & 1) == 1;
    }

    static byte[] block(final String seed, final long counter) {
        return Sha256.hash(
                seed.getBytes(StandardCharsets.UTF_8),
                ByteBuffer.allocate(8).putLong(counter).array());
    }

    /** The number of flips until k heads in a row. */
    static long flips(final String seed, final int k) {
        long i = 0;
        int streak = 0;
        while (streak < k) {
            streak = heads(seed, i) ? streak + 1 : 0;
            i++;
        }
        return i;
    }

    /** The payloads of the checkpoint lines every {@code every} flips. */
    static List<String> checkpoints(final String seed, final int k, final int every) {
        final List<String> payloads = new ArrayList<>();
        int streak = 0;
        for (long i = 0; streak < k; i++) {
            streak = heads(seed, i) ? streak + 1 : 0;
            final long flips = i + 1;
            if (flips % every == 0) {
                payloads.add("{\"flips\":" + flips + ",\"streak\":" + streak + ",\"state\":\""
                        + Sha256.hex(block(seed, i / 256)) + "\"}");
            }
        }
        return payloads;
    }

    public static String result(final String seed, final int k) {
        return "{\"seed\":\"" + seed + "\",\"k\":" + k + ",\"flips\":" + flips(seed, k) + "}\n";
    }
}
