// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import io.povm.api.Sha256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Seeded audit selection with probability num/den: audit iff SHA-256(auditSeed || jobId) · den < num · 2^256. */
public final class Audit {
    private Audit() {}

    public static boolean selected(final byte[] auditSeed, final String jobId, final long num, final long den) {
        PovmException.requirePresent(auditSeed, "auditSeed", "the round's audit sub-seed");
        PovmException.requirePresent(jobId, "jobId", "the job's id");
        if (den < 1 || num < 0 || num > den) {
            throw PovmException.invalid("probability", "need 0 <= num <= den and den >= 1, got " + num + "/" + den);
        }
        final BigInteger h = new BigInteger(1, Sha256.hash(auditSeed, jobId.getBytes(StandardCharsets.UTF_8)));
        return h.multiply(BigInteger.valueOf(den))
                        .compareTo(BigInteger.valueOf(num).shiftLeft(256))
                < 0;
    }
}
