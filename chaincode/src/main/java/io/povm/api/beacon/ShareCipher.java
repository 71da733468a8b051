// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import io.povm.api.Sha256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Hashed ElGamal on P-256 that encrypts one share (a 32-byte scalar) to a holder's beacon public key PK = x·G:
 * ephemeral R = r·G, shared point S = r·PK = x·R, key = SHA-256(tag || R || S) (compressed points, fixed length),
 * ciphertext = share (32 bytes big-endian) XOR key.
 *
 * <p>The cipher is not authenticated on purpose: a share is checked against the dealer's Feldman commitments after
 * decryption, and a bad one leads to a complaint ({@link Dleq} on S) rather than a silent failure.
 */
public final class ShareCipher {
    private static final byte[] TAG = "povm-beacon-v1/share".getBytes(StandardCharsets.UTF_8);

    private ShareCipher() {}

    /** An encrypted share: ephemeral point R (SEC1 hex) and 32 ciphertext bytes (hex). */
    public record Sealed(String ephemeral, String ciphertext) {}

    /** Encrypts with ephemeral scalar r (1 <= r < n); r must be fresh and secret. */
    public static Sealed seal(final BigInteger share, final String holderKey, final BigInteger r) {
        P256.scalar("share", share);
        P256.nonZeroScalar("ephemeral", r);
        final ECPoint ephemeral = P256.times(P256.G, r);
        final ECPoint shared = P256.times(P256.point("holderKey", holderKey), r);
        final byte[] body = xor(P256.bytes(share), key(ephemeral, shared));
        return new Sealed(P256.hex(ephemeral), HexFormat.of().formatHex(body));
    }

    public static Sealed seal(final BigInteger share, final String holderKey, final SecureRandom random) {
        return seal(
                share,
                holderKey,
                BigIntegers.createRandomInRange(BigInteger.ONE, P256.N.subtract(BigInteger.ONE), random));
    }

    /** Decrypts with the holder's private scalar x. A wrong key gives a wrong value, which Feldman rejects. */
    public static BigInteger open(final Sealed sealed, final BigInteger holderPrivate) {
        P256.nonZeroScalar("holderPrivate", holderPrivate);
        final ECPoint ephemeral = ephemeral(sealed);
        return open(sealed, P256.hex(P256.times(ephemeral, holderPrivate)));
    }

    /** Decrypts with the disclosed shared point S = x·R (as proven by a {@link Dleq} proof in a complaint). */
    public static BigInteger open(final Sealed sealed, final String sharedPoint) {
        final ECPoint ephemeral = ephemeral(sealed);
        final byte[] body = ciphertext(sealed);
        return new BigInteger(1, xor(body, key(ephemeral, P256.point("sharedPoint", sharedPoint))));
    }

    /** The holder's public key x·G as SEC1 hex, for registering a beacon key. */
    public static String publicKey(final BigInteger holderPrivate) {
        return P256.hex(P256.times(P256.G, P256.nonZeroScalar("holderPrivate", holderPrivate)));
    }

    private static ECPoint ephemeral(final Sealed sealed) {
        PovmException.requirePresent(sealed, "sealed", "an ephemeral point and a ciphertext");
        return P256.point("sealed.ephemeral", sealed.ephemeral());
    }

    private static byte[] ciphertext(final Sealed sealed) {
        PovmException.requirePresent(sealed.ciphertext(), "sealed.ciphertext", "64 hex digits");
        try {
            final byte[] body = HexFormat.of().parseHex(sealed.ciphertext());
            if (body.length == P256.SCALAR_BYTES) {
                return body;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw PovmException.invalid("sealed.ciphertext", "must be 32 bytes as 64 hex digits");
    }

    private static byte[] key(final ECPoint ephemeral, final ECPoint shared) {
        return Sha256.hash(TAG, P256.encode(ephemeral), P256.encode(shared));
    }

    private static byte[] xor(final byte[] a, final byte[] b) {
        final byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
