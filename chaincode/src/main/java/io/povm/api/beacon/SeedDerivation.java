// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import io.povm.api.Sha256;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A round's seed and its sub-seeds.
 *
 * <p>seed_n = SHA-256(tag || channel || chaincode || n (8 bytes BE) || seed_{n-1} || snapshot hash || for each org
 * sorted by MSP id bytes: MSP id || s_i (32 bytes BE)), where tag, channel, chaincode and each MSP id are written as a
 * 4-byte big-endian length followed by their UTF-8 bytes. The length prefixes make the encoding injective: without
 * them, channel "ab" + chaincode "c" and channel "a" + chaincode "bc" (or two MSP ids that run into each other) would
 * hash the same bytes, and a party could present one set of inputs as another. Fixed-size fields (n, hashes, secrets)
 * need no prefix.
 *
 * <p>Sub-seeds separate the uses of one seed: SHA-256(seed || "lottery"), SHA-256(seed || "assign"), SHA-256(seed ||
 * "audit"); the seed is 32 bytes, so the label needs no prefix.
 */
public final class SeedDerivation {
    /** The domain tag; a new encoding gets a new tag. */
    public static final String TAG = "povm-beacon-v1";

    private static final int HASH_BYTES = 32;

    private SeedDerivation() {}

    /** The uses of a round's seed. */
    public enum Purpose {
        LOTTERY("lottery"),
        ASSIGN("assign"),
        AUDIT("audit");

        private final String label;

        Purpose(final String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Derives seed_n from the round's public inputs and every contributing org's secret (MSP id to s_i). */
    public static byte[] seed(
            final String channel,
            final String chaincode,
            final long round,
            final byte[] previousSeed,
            final byte[] snapshotHash,
            final Map<String, BigInteger> secrets) {
        if (round < 0) {
            throw PovmException.invalid("round", "must be 0 or more");
        }
        hash32("previousSeed", previousSeed);
        hash32("snapshotHash", snapshotHash);
        PovmException.requirePresent(secrets, "secrets", "MSP id to secret, at least one");
        if (secrets.isEmpty()) {
            throw PovmException.invalid("secrets", "at least one org's secret is required");
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        prefixed(out, "tag", TAG);
        prefixed(out, "channel", channel);
        prefixed(out, "chaincode", chaincode);
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(round).array());
        out.writeBytes(previousSeed);
        out.writeBytes(snapshotHash);
        secrets.keySet().stream().sorted(SeedDerivation::compareUtf8).forEach(msp -> {
            prefixed(out, "secrets", msp);
            out.writeBytes(P256.bytes(P256.scalar("secrets[" + msp + "]", secrets.get(msp))));
        });
        return Sha256.hash(out.toByteArray());
    }

    /** SHA-256(seed || label). */
    public static byte[] subSeed(final byte[] seed, final Purpose purpose) {
        hash32("seed", seed);
        PovmException.requirePresent(purpose, "purpose", "LOTTERY, ASSIGN or AUDIT");
        return Sha256.hash(seed, purpose.label().getBytes(StandardCharsets.UTF_8));
    }

    /** Orders strings by their UTF-8 bytes, unsigned: the same order on every JVM and in every language. */
    public static int compareUtf8(final String a, final String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void prefixed(final ByteArrayOutputStream out, final String field, final String value) {
        PovmException.requirePresent(value, field, "a non-empty string");
        if (value.isEmpty()) {
            throw PovmException.invalid(field, "must not be empty");
        }
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static void hash32(final String field, final byte[] hash) {
        PovmException.requirePresent(hash, field, "32 bytes");
        if (hash.length != HASH_BYTES) {
            throw PovmException.invalid(field, "must be 32 bytes, got " + hash.length);
        }
    }
}
