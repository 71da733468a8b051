// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import java.math.BigInteger;
import java.util.HexFormat;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * The P-256 group the beacon works in: points travel as compressed SEC1 hex, scalars as integers mod n. Public so that
 * the threshold beacon ({@code io.povm.api.beacon.threshold}) shares one set of decoding and range checks.
 */
public final class P256 {
    private static final ECNamedCurveParameterSpec SPEC = ECNamedCurveTable.getParameterSpec("secp256r1");

    /** The curve y² = x³ - 3x + b over the prime field p. */
    public static final ECCurve CURVE = SPEC.getCurve();

    /** The generator G. */
    public static final ECPoint G = SPEC.getG();

    /** The group order n. */
    public static final BigInteger N = SPEC.getN();

    /** Length of a compressed point in bytes. */
    public static final int POINT_BYTES = 33;

    /** Length of a scalar in bytes. */
    public static final int SCALAR_BYTES = 32;

    private P256() {}

    /** @return scalar·point, normalized */
    public static ECPoint times(final ECPoint point, final BigInteger scalar) {
        return point.multiply(scalar).normalize();
    }

    /** @return the compressed SEC1 encoding (33 bytes) */
    public static byte[] encode(final ECPoint point) {
        return point.getEncoded(true);
    }

    /** @return the compressed SEC1 encoding as lower-case hex */
    public static String hex(final ECPoint point) {
        return HexFormat.of().formatHex(encode(point));
    }

    /** Decodes a compressed or uncompressed point; rejects malformed encodings and the point at infinity. */
    public static ECPoint point(final String field, final String hex) {
        if (hex == null || hex.isEmpty()) {
            throw PovmException.invalid(field, "required; a P-256 point as compressed SEC1 hex");
        }
        final ECPoint point;
        try {
            point = SPEC.getCurve().decodePoint(HexFormat.of().parseHex(hex)).normalize();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // the decoder reads the first byte of whatever it gets: an empty or truncated encoding is the caller's
            // mistake, not a fault
            throw PovmException.invalid(field, "not a P-256 point in SEC1 hex");
        }
        if (point.isInfinity()) {
            throw PovmException.invalid(field, "the point at infinity is not accepted");
        }
        return point;
    }

    /** Checks 0 <= s < n. */
    public static BigInteger scalar(final String field, final BigInteger s) {
        PovmException.requirePresent(s, field, "an integer in [0, n)");
        if (s.signum() < 0 || s.compareTo(N) >= 0) {
            throw PovmException.invalid(field, "must be in [0, n) for the P-256 group order n");
        }
        return s;
    }

    /** Checks 1 <= s < n: a private key or nonce. */
    public static BigInteger nonZeroScalar(final String field, final BigInteger s) {
        if (scalar(field, s).signum() == 0) {
            throw PovmException.invalid(field, "must be in [1, n); zero is not accepted");
        }
        return s;
    }

    /** @return the scalar as 32 bytes, big-endian */
    public static byte[] bytes(final BigInteger scalar) {
        return BigIntegers.asUnsignedByteArray(SCALAR_BYTES, scalar);
    }
}
