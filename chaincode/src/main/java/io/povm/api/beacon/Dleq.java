// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import io.povm.api.Sha256;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Chaum-Pedersen proof that log_G(A) == log_H(B) for a secret x with A = x·G and B = x·H, made non-interactive with
 * Fiat-Shamir: c = SHA-256(tag || len(context) || context || G || H || A || B || T1 || T2) mod n, z = k + c·x mod n.
 *
 * <p>In a complaint, holder j discloses the ElGamal shared point S = x_j·R of a {@link ShareCipher.Sealed} share and
 * proves log_G(PK_j) == log_R(S), so the chaincode can decrypt the share itself without learning x_j. Points are fixed
 * 33-byte compressed encodings; only the caller's context (round, dealer, holder, ...) varies in length, so it alone
 * is length-prefixed. Binding the context stops a proof from being replayed in another round or channel.
 */
public final class Dleq {
    private static final byte[] TAG = "povm-beacon-v1/dleq".getBytes(StandardCharsets.UTF_8);

    private Dleq() {}

    /** A proof: challenge c and response z, both in [0, n). */
    public record Proof(BigInteger challenge, BigInteger response) {}

    /** Proves with nonce k (1 <= k < n); k must be secret and never reused, see {@link #prove(byte[], BigInteger, String, SecureRandom)}. */
    public static Proof prove(final byte[] context, final BigInteger x, final String h, final BigInteger k) {
        P256.nonZeroScalar("x", x);
        P256.nonZeroScalar("nonce", k);
        final ECPoint hPoint = P256.point("h", h);
        final ECPoint a = P256.times(P256.G, x);
        final ECPoint b = P256.times(hPoint, x);
        final BigInteger c = challenge(context, hPoint, a, b, P256.times(P256.G, k), P256.times(hPoint, k));
        return new Proof(c, k.add(c.multiply(x)).mod(P256.N));
    }

    public static Proof prove(final byte[] context, final BigInteger x, final String h, final SecureRandom random) {
        return prove(
                context,
                x,
                h,
                BigIntegers.createRandomInRange(BigInteger.ONE, P256.N.subtract(BigInteger.ONE), random));
    }

    /** Checks the proof for A = x·G and B = x·H (all points as SEC1 hex); false when it does not hold. */
    public static boolean verify(
            final byte[] context, final String h, final String a, final String b, final Proof proof) {
        PovmException.requirePresent(proof, "proof", "a challenge and a response");
        final ECPoint hPoint = P256.point("h", h);
        final ECPoint aPoint = P256.point("a", a);
        final ECPoint bPoint = P256.point("b", b);
        final BigInteger c = P256.scalar("proof.challenge", proof.challenge());
        final BigInteger z = P256.scalar("proof.response", proof.response());
        final ECPoint t1 = P256.times(P256.G, z).subtract(P256.times(aPoint, c)).normalize();
        final ECPoint t2 = P256.times(hPoint, z).subtract(P256.times(bPoint, c)).normalize();
        if (t1.isInfinity() || t2.isInfinity()) {
            return false;
        }
        return c.equals(challenge(context, hPoint, aPoint, bPoint, t1, t2));
    }

    private static BigInteger challenge(
            final byte[] context,
            final ECPoint h,
            final ECPoint a,
            final ECPoint b,
            final ECPoint t1,
            final ECPoint t2) {
        PovmException.requirePresent(context, "context", "bytes naming the round and parties");
        final byte[] length =
                ByteBuffer.allocate(Integer.BYTES).putInt(context.length).array();
        final byte[] digest = Sha256.hash(
                TAG,
                length,
                context,
                P256.encode(P256.G),
                P256.encode(h),
                P256.encode(a),
                P256.encode(b),
                P256.encode(t1),
                P256.encode(t2));
        return new BigInteger(1, digest).mod(P256.N);
    }
}
