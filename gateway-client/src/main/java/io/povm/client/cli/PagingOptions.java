// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Page;
import io.povm.api.PovmTransactions;
import io.povm.client.PovmClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The paging options every {@code list} command shares ({@code --page-size}, {@code --bookmark}, {@code --all}). */
final class PagingOptions {
    @Option(
            names = "--page-size",
            paramLabel = "N",
            defaultValue = "50",
            description = "Items per page, 1 to " + PovmTransactions.MAX_PAGE_SIZE + " (default: ${DEFAULT-VALUE}).")
    private int pageSize;

    @Option(
            names = "--bookmark",
            paramLabel = "B",
            defaultValue = "",
            description = "Where the page starts: the bookmark the previous page printed.")
    private String bookmarkOption;

    @Option(names = "--all", description = "Fetch every page; with -o json, print them as one page.")
    private boolean all;

    private String bookmark = "";

    /** @throws ParameterException for a bookmark this CLI did not print or a page size out of range */
    void check(final CommandLine command) {
        try {
            bookmark = Bookmarks.fromOption(bookmarkOption);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, "--bookmark is not one this command printed: " + bookmarkOption);
        }
        if (pageSize < 1 || pageSize > PovmTransactions.MAX_PAGE_SIZE) {
            throw new ParameterException(
                    command, "--page-size must be from 1 to " + PovmTransactions.MAX_PAGE_SIZE + ", not " + pageSize);
        }
    }

    int pageSize() {
        return pageSize;
    }

    /** @return the decoded bookmark the listing starts at; empty for the first page */
    String bookmark() {
        return bookmark;
    }

    boolean all() {
        return all;
    }

    /**
     * @param fetch one page from a bookmark
     * @param listing the listing's name, for the error when it loops
     * @return the items of every page from {@link #bookmark()} on
     */
    <T> List<T> everyItem(final Function<String, ? extends Page<T>> fetch, final String listing) {
        final List<T> found = new ArrayList<>();
        String next = bookmark;
        do {
            final Page<T> page = fetch.apply(next);
            if (page.hasMore() && page.bookmark().equals(next)) {
                throw PovmClientException.internal(listing + " returned its own bookmark again: " + next, null);
            }
            found.addAll(page.items());
            next = page.bookmark();
        } while (!next.isEmpty());
        return found;
    }
}
