// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Lagrange interpolation at 0 mod n: recovers a dealer's secret f(0) from t shares (j, f(j)). */
public final class Lagrange {
    private Lagrange() {}

    /** One holder's share: index j >= 1 and value f(j) mod n. */
    public record Share(int index, BigInteger value) {}

    /**
     * f(0) = Σ_i y_i · Π_{m≠i} x_m / (x_m - x_i) mod n over the given shares. Needs at least {@code threshold} shares
     * with distinct non-zero indices; extra consistent shares do not change the result.
     */
    public static BigInteger secret(final int threshold, final List<Share> shares) {
        PovmException.requirePresent(shares, "shares", "at least threshold (index, value) pairs");
        if (threshold < 1) {
            throw PovmException.invalid("threshold", "must be at least 1");
        }
        if (shares.size() < threshold) {
            throw PovmException.invalid(
                    "shares", "got " + shares.size() + ", need at least the threshold " + threshold);
        }
        final Set<Integer> seen = new HashSet<>();
        for (final Share share : shares) {
            if (share.index() < 1) {
                throw PovmException.invalid(
                        "shares", "index " + share.index() + " is not accepted; indices start at 1");
            }
            if (!seen.add(share.index())) {
                throw PovmException.invalid("shares", "index " + share.index() + " appears twice");
            }
            P256.scalar("shares[" + share.index() + "]", share.value());
        }
        BigInteger secret = BigInteger.ZERO;
        for (final Share i : shares) {
            secret = secret.add(i.value().multiply(basisAtZero(i.index(), shares)))
                    .mod(P256.N);
        }
        return secret;
    }

    /**
     * The Lagrange coefficient λ_i = Π_{m≠i} m / (m - i) mod n of index i over the given distinct indices (i among
     * them): f(0) = Σ λ_i·f(i), in the exponent too (x·H = Σ λ_i·(x_i·H)), which is how threshold partials combine.
     */
    public static BigInteger coefficientAtZero(final int i, final List<Integer> indices) {
        PovmException.requirePresent(indices, "indices", "distinct share indices >= 1");
        if (!indices.contains(i)) {
            throw PovmException.invalid("indices", "index " + i + " is not among " + indices);
        }
        if (indices.stream().distinct().count() != indices.size()
                || indices.stream().anyMatch(m -> m < 1)) {
            throw PovmException.invalid("indices", "must be distinct and at least 1, got " + indices);
        }
        return basisAtZero(
                i, indices.stream().map(m -> new Share(m, BigInteger.ZERO)).toList());
    }

    private static BigInteger basisAtZero(final int i, final List<Share> shares) {
        BigInteger numerator = BigInteger.ONE;
        BigInteger denominator = BigInteger.ONE;
        for (final Share m : shares) {
            if (m.index() != i) {
                numerator = numerator.multiply(BigInteger.valueOf(m.index())).mod(P256.N);
                denominator = denominator
                        .multiply(BigInteger.valueOf((long) m.index() - i))
                        .mod(P256.N);
            }
        }
        return numerator.multiply(denominator.modInverse(P256.N)).mod(P256.N);
    }
}
