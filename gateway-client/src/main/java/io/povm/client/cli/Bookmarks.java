// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Makes ListJobs bookmarks safe to print and to pass back as {@code --bookmark}. The chaincode's bookmark is a
 * ledger key that may hold control characters (composite keys are separated by U+0000, which no shell argument can
 * carry); such a bookmark is shown as {@code b64:<base64url>} and decoded again when given.
 */
final class Bookmarks {
    private static final String PREFIX = "b64:";

    private Bookmarks() {}

    /** @return the bookmark as given, or its {@code b64:} form when it holds a control character */
    static String forDisplay(final String bookmark) {
        if (bookmark.chars().noneMatch(Character::isISOControl) && !bookmark.startsWith(PREFIX)) {
            return bookmark;
        }
        return PREFIX
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bookmark.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the chaincode's bookmark for an option value printed by {@link #forDisplay(String)}
     * @throws IllegalArgumentException when a {@code b64:} value is not base64url
     */
    static String fromOption(final String option) {
        if (!option.startsWith(PREFIX)) {
            return option;
        }
        return new String(Base64.getUrlDecoder().decode(option.substring(PREFIX.length())), StandardCharsets.UTF_8);
    }
}
