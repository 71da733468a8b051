// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The commitment a worker posts before it may reveal its result: {@code hex(SHA-256(UTF-8(resultHash + "\n" + nonce
 * + "\n" + workerKey)))}. Binding the worker key in means that a worker who copies another's commitment cannot open
 * it; the nonce (32 random bytes as 64 hex digits, also the attestation's nonce) means that nobody can test guesses
 * of the result against it. See {@code docs/consensus.md}.
 */
public final class Commitment {
    /** What a commitment or a nonce looks like. */
    public static final String HEX_ACCEPTED = "64 lowercase hex digits";

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    private Commitment() {}

    /** @return the commitment to {@code resultHash} by {@code workerKey} under {@code nonce} */
    public static String of(final String resultHash, final String nonce, final String workerKey) {
        final String opened = resultHash + "\n" + nonce + "\n" + workerKey;
        return Sha256.hex(Sha256.hash(opened.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return whether {@code resultHash} and {@code nonce} open {@code commitment} for {@code workerKey} */
    public static boolean opens(
            final String commitment, final String resultHash, final String nonce, final String workerKey) {
        return commitment.equals(of(resultHash, nonce, workerKey));
    }

    /**
     * @return {@code value}, when it is 64 lowercase hex digits
     * @throws PovmException INVALID_ARGUMENT [field] otherwise
     */
    public static String requireHex(final String value, final String field) {
        PovmException.requirePresent(value, field, HEX_ACCEPTED);
        if (!HEX_64.matcher(value).matches()) {
            throw PovmException.invalid(field, "is " + Quote.prefix(value) + "; must be " + HEX_ACCEPTED);
        }
        return value;
    }
}
