// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/**
 * How an error message quotes a caller's text: in single quotes, at most {@value #MAX_CHARS} characters of it, then
 * {@code …} when there was more; control, format, private-use, unassigned characters and lone surrogates appear as
 * a backslash, {@code u} and four hex digits. The one way povm echoes input into an error, so that an error never grows with its input (a 1 MB
 * argument must not come back as a 1 MB response, which resets the client's gRPC stream) and never breaks its line.
 *
 * <pre>{@code
 * throw PovmException.invalid("replica", Quote.prefix(replica) + " must be a whole number from 0 to 14");
 * }</pre>
 */
public final class Quote {
    /** The most characters (code points) of the text an error shows. */
    public static final int MAX_CHARS = 32;

    private Quote() {}

    /** @return {@code 'text'}, {@code 'first 32 chars…'} when longer, or {@code null} for null */
    public static String prefix(final String text) {
        if (text == null) {
            return "null";
        }
        final StringBuilder quoted = new StringBuilder("'");
        int index = 0;
        int shown = 0;
        while (index < text.length() && shown < MAX_CHARS) {
            final int codePoint = text.codePointAt(index);
            if (printable(codePoint)) {
                quoted.appendCodePoint(codePoint);
            } else {
                quoted.append(String.format("\\u%04X", codePoint));
            }
            index += Character.charCount(codePoint);
            shown++;
        }
        if (index < text.length()) {
            quoted.append('…');
        }
        return quoted.append('\'').toString();
    }

    /**
     * @return {@code text} with every character that {@link KeyText#unstorable} refuses (a lone surrogate, U+FFFD)
     *     written as a backslash, {@code u} and four hex digits, so that an error holding it can be read back
     */
    public static String storable(final String text) {
        if (text == null || KeyText.unstorable(text).isEmpty()) {
            return text;
        }
        final StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            final boolean pairedHigh = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairedHigh) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || c == '\uFFFD') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean printable(final int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        if (codePoint == 0xFFFD) {
            return false;
        }
        if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
            return false;
        }
        final int type = Character.getType(codePoint);
        return type != Character.FORMAT
                && type != Character.SURROGATE
                && type != Character.PRIVATE_USE
                && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }
}
