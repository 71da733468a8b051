// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import io.povm.api.PovmException;
import io.povm.api.Sha256;
import io.povm.api.beacon.P256;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Where a threshold beacon lives (channel and chaincode name), and every byte encoding it hashes. A string is written
 * as its UTF-8 length (4 bytes, big-endian) followed by its UTF-8 bytes, written {@code str(s)} below; a round or
 * epoch number as 8 bytes big-endian, {@code u64(r)}; a point as its 33-byte compressed SEC1 encoding. Every encoding
 * is thus injective: no two different inputs hash the same bytes.
 *
 * <ul>
 *   <li>H(r) = hash_to_curve(str(channel) || str(chaincode) || u64(r)) with the RFC 9380 suite
 *       P256_XMD:SHA-256_SSWU_RO_ and the tag {@value #DST_PREFIX}P256_XMD:SHA-256_SSWU_RO_ ({@link #roundPoint}).
 *   <li>seed_r = SHA-256(str({@value #TAG}) || str(channel) || str(chaincode) || u64(r) || σ) with σ = x·H(r)
 *       compressed ({@link #seed}); its sub-seeds are {@link io.povm.api.beacon.SeedDerivation#subSeed}'s.
 *   <li>the context of a DLEQ proof: str({@value #TAG}) || str(purpose) || str(channel) || str(chaincode) || u64(n)
 *       || str(party) for each party ({@link #context}), so a proof cannot be replayed in another round, key
 *       generation, channel or for another org.
 * </ul>
 *
 * @param channel the channel id, not empty
 * @param chaincode the chaincode name, not empty
 */
public record BeaconDomain(String channel, String chaincode) {
    /** The domain tag of the threshold beacon's hashes; a new encoding gets a new tag. */
    public static final String TAG = "povm-beacon-threshold-v1";

    /** The application prefix of the hash-to-curve tag (RFC 9380, section 3.1). */
    public static final String DST_PREFIX = "POVM-BEACON-V01-CS01-with-";

    public BeaconDomain {
        nonEmpty("channel", channel);
        nonEmpty("chaincode", chaincode);
    }

    /** @return H(r), the round's base point */
    public ECPoint roundPoint(final long round) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        str(out, channel);
        str(out, chaincode);
        u64(out, round);
        return HashToCurve.hash(out.toByteArray(), HashToCurve.dst(DST_PREFIX));
    }

    /** @return seed_r = SHA-256(str(tag) || str(channel) || str(chaincode) || u64(r) || σ) */
    public byte[] seed(final long round, final ECPoint sigma) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        str(out, TAG);
        str(out, channel);
        str(out, chaincode);
        u64(out, round);
        out.writeBytes(P256.encode(sigma));
        return Sha256.hash(out.toByteArray());
    }

    /** @return the DLEQ context of a proof for {@code purpose} in round or epoch {@code n} by the given parties */
    public byte[] context(final String purpose, final long n, final String... parties) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        str(out, TAG);
        str(out, purpose);
        str(out, channel);
        str(out, chaincode);
        u64(out, n);
        for (final String party : parties) {
            str(out, party);
        }
        return out.toByteArray();
    }

    private static void str(final ByteArrayOutputStream out, final String value) {
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static void u64(final ByteArrayOutputStream out, final long value) {
        if (value < 0) {
            throw PovmException.invalid("round", "must be 0 or more");
        }
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static void nonEmpty(final String field, final String value) {
        if (PovmException.requirePresent(value, field, "a non-empty string").isEmpty()) {
            throw PovmException.invalid(field, "must not be empty");
        }
    }
}
