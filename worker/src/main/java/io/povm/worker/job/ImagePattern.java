// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A glob on an image's repository name: {@code *} matches any characters but {@code /}, {@code **} any characters
 * including {@code /}, {@code ?} one character but {@code /}; everything else matches itself. {@code povm/*} matches
 * {@code povm/coinflip} but not {@code povm/tools/x}; {@code povm/**} matches both; {@code **} matches everything.
 */
public final class ImagePattern {
    private final String glob;
    private final Pattern regex;

    private ImagePattern(final String glob) {
        this.glob = glob;
        this.regex = Pattern.compile(toRegex(glob));
    }

    /**
     * @throws IllegalArgumentException when the glob is blank or has white space
     */
    public static ImagePattern of(final String glob) {
        Objects.requireNonNull(glob, "glob");
        if (glob.isBlank() || glob.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "image pattern must be a non-blank glob without spaces such as povm/*, got '" + glob + "'");
        }
        return new ImagePattern(glob);
    }

    public boolean matches(final String repository) {
        return regex.matcher(repository).matches();
    }

    public String glob() {
        return glob;
    }

    private static String toRegex(final String glob) {
        final StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            final char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i += 2;
                continue;
            }
            if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return regex.toString();
    }

    @Override
    public boolean equals(final Object other) {
        return this == other || other instanceof ImagePattern && glob.equals(((ImagePattern) other).glob);
    }

    @Override
    public int hashCode() {
        return glob.hashCode();
    }

    @Override
    public String toString() {
        return glob;
    }
}
