// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.PovmException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * The bookmarks of paged listings as callers see them: the ledger's bookmark (the next page's first key, which holds
 * U+0000 separators) in base64url without padding, so that it prints and passes as a shell argument. A bookmark is
 * accepted only by the listing that returned it: its key must lie under the listing's partial key. Every paged
 * listing (jobs, workers, SLAs) takes and returns its bookmarks through this class.
 */
public final class PageBookmark {
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String ACCEPTED = "the bookmark the previous page of the same listing returned, or \"\"";

    private PageBookmark() {}

    /** @return the printable form of a ledger bookmark; empty stays empty */
    public static String encode(final String ledgerBookmark) {
        if (ledgerBookmark == null || ledgerBookmark.isEmpty()) {
            return "";
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ledgerBookmark.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param bookmark a bookmark this listing returned, or empty (null counts as empty)
     * @param listing the listing's partial key
     * @return the ledger bookmark to pass to the paged query
     * @throws PovmException INVALID_ARGUMENT [bookmark] for anything else
     */
    public static String decode(final String bookmark, final CompositeKey listing) {
        if (bookmark == null || bookmark.isEmpty()) {
            return "";
        }
        if (!BASE64URL.matcher(bookmark).matches()) {
            throw PovmException.invalid("bookmark", "is not one this listing returned; must be " + ACCEPTED);
        }
        final String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(bookmark), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PovmException.invalid("bookmark", "is not one this listing returned; must be " + ACCEPTED);
        }
        if (!key.startsWith(listing.toString())) {
            throw PovmException.invalid("bookmark", "belongs to another listing; must be " + ACCEPTED);
        }
        return key;
    }
}
