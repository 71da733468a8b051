// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.util.Optional;

/**
 * The one rule for caller-given text that becomes part of a ledger key (an id, an MSP id, a Fabric id), and the
 * part of it that holds for every text povm stores.
 *
 * <p>A key part is not empty, at most a given number of chars, and holds no control character (U+0000 is the
 * composite key separator), no Unicode non-character (U+FDD0 to U+FDEF, U+xxFFFE, U+xxFFFF: U+10FFFF is the end
 * marker of Fabric's range queries) and nothing {@link #unstorable(String) unstorable}. Anything else is refused
 * as INVALID_ARGUMENT naming the argument, before it reaches a key: the shim would otherwise fail inside (INTERNAL) or
 * quietly find nothing.
 *
 * <pre>{@code
 * String msp = KeyText.require(mspArgument, "msp", KeyText.MAX_MSP_CHARS, "an org's MSP id, e.g. Org1MSP");
 * }</pre>
 */
public final class KeyText {
    /** The longest MSP id accepted as an argument. */
    public static final int MAX_MSP_CHARS = 128;
    /** The longest Fabric id ({@code x509::<subject>::<issuer>}) accepted as an argument. */
    public static final int MAX_FABRIC_ID_CHARS = 4096;

    static final String FABRIC_ID_ACCEPTED = "a Fabric identity id, x509::<subject>::<issuer>, of at most "
            + MAX_FABRIC_ID_CHARS + " chars on one line, without leading or trailing spaces";

    private KeyText() {}

    /**
     * @param accepted what the argument accepts, e.g. {@code "an org's MSP id, e.g. Org1MSP"}
     * @return the text, when it can be part of a key
     * @throws PovmException INVALID_ARGUMENT [field] otherwise
     */
    public static String require(final String text, final String field, final int maxChars, final String accepted) {
        if (text == null || text.isEmpty()) {
            throw PovmException.invalid(field, "required; " + accepted);
        }
        if (text.length() > maxChars) {
            throw PovmException.invalid(
                    field, "has " + text.length() + " chars; at most " + maxChars + " accepted; " + accepted);
        }
        requireStorable(text, field);
        for (int i = 0; i < text.length(); ) {
            final int codePoint = text.codePointAt(i);
            if (Character.isISOControl(codePoint) || nonCharacter(codePoint)) {
                throw PovmException.invalid(
                        field, String.format("holds U+%04X at char %d; %s", codePoint, i, accepted));
            }
            i += Character.charCount(codePoint);
        }
        return text;
    }

    /**
     * A Fabric id, {@code x509::<subject>::<issuer>}, as {@code ClientIdentity.getId()} reports one: a key part of at
     * most {@value #MAX_FABRIC_ID_CHARS} chars, without leading or trailing whitespace (a look-alike of a real id
     * that nobody can sign as).
     *
     * @throws PovmException INVALID_ARGUMENT [field] otherwise
     */
    public static String requireFabricId(final String id, final String field) {
        require(id, field, MAX_FABRIC_ID_CHARS, FABRIC_ID_ACCEPTED);
        final int issuer = id.indexOf("::", "x509::".length());
        if (!id.startsWith("x509::")
                || issuer <= "x509::".length()
                || issuer + 2 >= id.length()
                || !id.equals(id.strip())
                || Character.isWhitespace(id.charAt("x509::".length()))
                || Character.isWhitespace(id.charAt(issuer - 1))
                || Character.isWhitespace(id.charAt(issuer + 2))) {
            throw PovmException.invalid(field, "is " + Quote.prefix(id) + "; must be " + FABRIC_ID_ACCEPTED);
        }
        return id;
    }

    /**
     * What no stored text may hold, because it does not survive the trip to the ledger and back: a lone surrogate
     * (stored as {@code ?}) or U+FFFD (the replacement character the shim puts where an argument held invalid UTF-8,
     * so the text is not what the caller sent).
     *
     * @return why the text cannot be stored exactly, or empty when it can
     */
    public static Optional<String> unstorable(final String text) {
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("holds a lone surrogate at char " + i + "; text must be valid Unicode");
            } else if (c == '\uFFFD') {
                return Optional.of("holds U+FFFD at char " + i
                        + ", the mark of invalid UTF-8; text must be valid UTF-8 without replacement characters");
            }
        }
        return Optional.empty();
    }

    /**
     * @return the text, when it can be stored exactly (see {@link #unstorable(String)})
     * @throws PovmException INVALID_ARGUMENT [field] otherwise
     */
    public static String requireStorable(final String text, final String field) {
        final Optional<String> unstorable = unstorable(text);
        if (unstorable.isPresent()) {
            throw PovmException.invalid(field, unstorable.get());
        }
        return text;
    }

    private static boolean nonCharacter(final int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
