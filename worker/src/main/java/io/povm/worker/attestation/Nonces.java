// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import io.povm.api.Sha256;
import java.security.SecureRandom;

/** Fresh commitment nonces: 32 random bytes as 64 lowercase hex digits (docs/consensus.md). */
public final class Nonces {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {}

    public static String fresh() {
        final byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Sha256.hex(bytes);
    }
}
