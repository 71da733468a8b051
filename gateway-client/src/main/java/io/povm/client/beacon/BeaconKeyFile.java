// SPDX-License-Identifier: Apache-2.0
package io.povm.client.beacon;

import io.povm.api.beacon.Hex;
import io.povm.api.beacon.ShareCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.bouncycastle.util.BigIntegers;

/**
 * An org's beacon private key on disk: one line of 64 hex digits (the P-256 scalar x), readable by its owner only.
 * The public key x·G is what {@code beacon:RegisterKey} stores.
 */
public final class BeaconKeyFile {
    private static final BigInteger N =
            new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

    private BeaconKeyFile() {}

    /** Creates a fresh key at {@code path} unless one exists; @return the key in the file */
    public static BigInteger createIfAbsent(final Path path) {
        if (Files.exists(path)) {
            return read(path);
        }
        final BigInteger x =
                BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), new SecureRandom());
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            final Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, Hex.of(x) + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write beacon key " + path, e);
        }
        return x;
    }

    /** @throws IllegalArgumentException when the file is not one P-256 scalar in hex */
    public static BigInteger read(final Path path) {
        final String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read beacon key " + path, e);
        }
        try {
            return Hex.scalar("beacon key", text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + " is not a beacon key (64 hex digits): " + e.getMessage(), e);
        }
    }

    /** @return the public key x·G, compressed SEC1 hex */
    public static String publicKey(final BigInteger x) {
        return ShareCipher.publicKey(x);
    }
}
