// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * A dealer's Feldman verifiable secret sharing: a polynomial f(x) = a_0 + a_1 x + ... + a_{t-1} x^{t-1} mod n with
 * secret f(0) = a_0, public commitments C_k = a_k·G and shares f(j) for holder indices j >= 1. Anyone holding the
 * commitments checks a share with {@link #verify}; any t shares give the secret back ({@link Lagrange}).
 *
 * <pre>{@code
 * Feldman dealer = Feldman.random(2, new SecureRandom());
 * List<String> commitments = dealer.commitments();
 * BigInteger forHolder1 = dealer.share(1);
 * boolean ok = Feldman.verify(forHolder1, 1, commitments);
 * }</pre>
 */
public final class Feldman {
    private final List<BigInteger> coefficients;

    private Feldman(final List<BigInteger> coefficients) {
        this.coefficients = List.copyOf(coefficients);
    }

    /** A polynomial with the given coefficients a_0..a_{t-1}; a_0 (the secret) must be non-zero. */
    public static Feldman of(final List<BigInteger> coefficients) {
        PovmException.requirePresent(coefficients, "coefficients", "a_0..a_{t-1}, at least one");
        if (coefficients.isEmpty()) {
            throw PovmException.invalid("coefficients", "at least one (the secret a_0) is required");
        }
        for (int k = 0; k < coefficients.size(); k++) {
            P256.scalar("coefficients[" + k + "]", coefficients.get(k));
        }
        P256.nonZeroScalar("coefficients[0]", coefficients.get(0));
        return new Feldman(coefficients);
    }

    /** A fresh random polynomial of degree threshold - 1. */
    public static Feldman random(final int threshold, final SecureRandom random) {
        if (threshold < 1) {
            throw PovmException.invalid("threshold", "must be at least 1");
        }
        final List<BigInteger> coefficients = new ArrayList<>(threshold);
        coefficients.add(BigIntegers.createRandomInRange(BigInteger.ONE, P256.N.subtract(BigInteger.ONE), random));
        for (int k = 1; k < threshold; k++) {
            coefficients.add(BigIntegers.createRandomInRange(BigInteger.ZERO, P256.N.subtract(BigInteger.ONE), random));
        }
        return new Feldman(coefficients);
    }

    /** @return a_0..a_{t-1}, to keep a dealer's polynomial until its round closes */
    public List<BigInteger> coefficients() {
        return coefficients;
    }

    public int threshold() {
        return coefficients.size();
    }

    public BigInteger secret() {
        return coefficients.get(0);
    }

    /** C_k = a_k·G as compressed SEC1 hex, k = 0..t-1; a zero coefficient commits to the point at infinity "00". */
    public List<String> commitments() {
        return coefficients.stream().map(a -> P256.hex(P256.times(P256.G, a))).toList();
    }

    /** f(j) mod n for holder index j >= 1 (Horner's rule). */
    public BigInteger share(final int j) {
        final BigInteger x = index(j);
        BigInteger value = BigInteger.ZERO;
        for (int k = coefficients.size() - 1; k >= 0; k--) {
            value = value.multiply(x).add(coefficients.get(k)).mod(P256.N);
        }
        return value;
    }

    /**
     * Checks share·G == Σ_k j^k·C_k. A share outside [0, n) is simply wrong (false); malformed commitments or an index
     * below 1 are invalid input.
     */
    public static boolean verify(final BigInteger share, final int j, final List<String> commitments) {
        PovmException.requirePresent(share, "share", "an integer in [0, n)");
        PovmException.requirePresent(commitments, "commitments", "C_0..C_{t-1} as SEC1 hex");
        if (commitments.isEmpty()) {
            throw PovmException.invalid("commitments", "at least one (C_0) is required");
        }
        final BigInteger x = index(j);
        if (share.signum() < 0 || share.compareTo(P256.N) >= 0) {
            return false;
        }
        ECPoint sum = P256.G.getCurve().getInfinity();
        BigInteger power = BigInteger.ONE;
        for (int k = 0; k < commitments.size(); k++) {
            sum = sum.add(P256.times(commitment(k, commitments.get(k)), power));
            power = power.multiply(x).mod(P256.N);
        }
        return P256.times(P256.G, share).equals(sum.normalize());
    }

    private static ECPoint commitment(final int k, final String hex) {
        return "00".equals(hex) ? P256.G.getCurve().getInfinity() : P256.point("commitments[" + k + "]", hex);
    }

    private static BigInteger index(final int j) {
        if (j < 1) {
            throw PovmException.invalid("index", "holder indices start at 1; 0 would reveal the secret");
        }
        return BigInteger.valueOf(j);
    }

    /** @throws PovmException INVALID_ARGUMENT [field] unless {@code hex} is a P-256 point in SEC1 hex */
    public static void checkPoint(final String field, final String hex) {
        P256.point(field, hex);
    }
}
