// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import io.povm.api.PovmException;
import io.povm.api.beacon.P256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The RFC 9380 suite {@code P256_XMD:SHA-256_SSWU_RO_}: hash_to_field with {@link ExpandMessageXmd} (SHA-256, L = 48
 * bytes per element, two elements), the simplified SWU map of section 6.6.2 with Z = -10, and Q0 + Q1 (P-256 has
 * cofactor 1, so clear_cofactor is the identity). Nobody knows the discrete logarithm of the point it returns, which
 * is what makes x·H(r) a unique, unpredictable value for a secret x.
 *
 * <p>The arithmetic is plain {@link BigInteger} mod p, not constant time: every input here is public (a round number),
 * so there is no secret to leak through timing.
 */
public final class HashToCurve {
    /** The suite identifier; an application tag is {@code "<APP>-V<xx>-CS<yy>-with-" + SUITE}. */
    public static final String SUITE = "P256_XMD:SHA-256_SSWU_RO_";

    private static final BigInteger P = P256.CURVE.getField().getCharacteristic();
    private static final BigInteger A = P256.CURVE.getA().toBigInteger();
    private static final BigInteger B = P256.CURVE.getB().toBigInteger();
    private static final BigInteger Z = P.subtract(BigInteger.TEN);
    private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);
    private static final BigInteger LEGENDRE_EXPONENT =
            P.subtract(BigInteger.ONE).shiftRight(1);
    private static final int L = 48;

    private HashToCurve() {}

    /**
     * hash_to_curve(msg) under the tag {@code dst}.
     *
     * @throws PovmException INTERNAL in the negligible case that Q0 + Q1 is the point at infinity
     */
    public static ECPoint hash(final byte[] msg, final byte[] dst) {
        final BigInteger[] u = hashToField(msg, dst, 2);
        final ECPoint sum = map(u[0]).add(map(u[1])).normalize();
        if (sum.isInfinity()) {
            throw PovmException.internal("hash to curve gave the point at infinity");
        }
        return sum;
    }

    /** hash_to_field(msg, count): count elements of GF(p), each OS2IP of 48 uniform bytes mod p. */
    public static BigInteger[] hashToField(final byte[] msg, final byte[] dst, final int count) {
        final byte[] bytes = ExpandMessageXmd.expand(msg, dst, count * L);
        final BigInteger[] out = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            final byte[] slice = new byte[L];
            System.arraycopy(bytes, i * L, slice, 0, L);
            out[i] = new BigInteger(1, slice).mod(P);
        }
        return out;
    }

    /** map_to_curve_simple_swu(u) for P-256 (A = -3, Z = -10); p ≡ 3 mod 4, so sqrt(a) = a^((p+1)/4). */
    public static ECPoint map(final BigInteger u) {
        final BigInteger u2 = u.multiply(u).mod(P);
        final BigInteger zu2 = Z.multiply(u2).mod(P);
        final BigInteger denominator = zu2.multiply(zu2).add(zu2).mod(P);
        final BigInteger tv1 = denominator.signum() == 0 ? BigInteger.ZERO : denominator.modInverse(P);
        final BigInteger minusBOverA = B.negate().multiply(A.modInverse(P)).mod(P);
        final BigInteger x1 = tv1.signum() == 0
                ? B.multiply(Z.multiply(A).modInverse(P)).mod(P)
                : minusBOverA.multiply(BigInteger.ONE.add(tv1)).mod(P);
        final BigInteger gx1 = g(x1);
        final BigInteger x;
        final BigInteger y;
        if (isSquare(gx1)) {
            x = x1;
            y = gx1.modPow(SQRT_EXPONENT, P);
        } else {
            x = zu2.multiply(x1).mod(P);
            y = g(x).modPow(SQRT_EXPONENT, P);
        }
        final BigInteger signed =
                u.testBit(0) == y.testBit(0) ? y : P.subtract(y).mod(P);
        return P256.CURVE.validatePoint(x, signed);
    }

    /** @return the tag bytes of {@code "<prefix>" + SUITE}, e.g. {@code "POVM-BEACON-V01-CS01-with-"} */
    public static byte[] dst(final String prefix) {
        return (prefix + SUITE).getBytes(StandardCharsets.US_ASCII);
    }

    private static BigInteger g(final BigInteger x) {
        return x.multiply(x).add(A).multiply(x).add(B).mod(P);
    }

    private static boolean isSquare(final BigInteger a) {
        return a.signum() == 0 || a.modPow(LEGENDRE_EXPONENT, P).equals(BigInteger.ONE);
    }
}
