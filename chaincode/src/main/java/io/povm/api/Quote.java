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

    private static boolean printable(final int codePoint) {
        if (codePoint == ' ') {
            return true;
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
