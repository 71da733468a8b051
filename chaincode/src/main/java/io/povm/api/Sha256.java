// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers; every JDK has the algorithm, so its absence is an error, not a checked exception. */
public final class Sha256 {
    private Sha256() {}

    public static byte[] hash(final byte[]... parts) {
        final MessageDigest digest = newDigest();
        for (final byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    public static String hex(final byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
