// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Scalars as they travel in JSON: 64 lower-case hex digits, big-endian. */
public final class Hex {
    private static final Pattern SCALAR = Pattern.compile("[0-9a-f]{64}");

    private Hex() {}

    /** @return the scalar as 64 hex digits */
    public static String of(final BigInteger scalar) {
        return String.format("%064x", P256.scalar("scalar", scalar));
    }

    /** @throws PovmException INVALID_ARGUMENT [field] unless the text is 64 lower-case hex digits below the order */
    public static BigInteger scalar(final String field, final String hex) {
        if (hex == null || !SCALAR.matcher(hex).matches()) {
            throw PovmException.invalid(field, "must be 64 lower-case hex digits (a P-256 scalar)");
        }
        return P256.scalar(field, new BigInteger(hex, 16));
    }
}
