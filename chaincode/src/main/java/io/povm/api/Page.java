// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * What every page of a paginated listing has besides its items: the bookmark to pass for the next page (empty on the
 * last page) and the number of items on this page. Subclasses name their items in JSON ({@code jobs}, {@code slas},
 * {@code workers}) and put them first: {@code {"jobs":[...],"bookmark":"","count":2}}.
 *
 * @param <T> the item type
 */
public abstract class Page<T> {
    @JsonProperty("bookmark")
    private final String bookmark;

    @JsonProperty("count")
    private final int count;

    /**
     * @param items the page's items, named {@code field} in JSON, e.g. "jobs"
     * @param what the items in words, for error messages, e.g. "jobs"
     */
    protected Page(final List<T> items, final String bookmark, final String field, final String what) {
        this.count = PovmException.requirePresent(items, field, "a JSON array of " + what)
                .size();
        this.bookmark = PovmException.requirePresent(bookmark, "bookmark", "the next page's bookmark, or \"\"");
    }

    /**
     * For JSON creators: a {@code count} read from JSON must equal the number of items.
     *
     * @return {@code page}
     */
    protected static <P extends Page<?>> P withCount(final P page, final Integer count, final String what) {
        if (count != null && count != page.count()) {
            throw PovmException.invalid(
                    "count", "must equal the number of " + what + " (" + page.count() + "); got " + count);
        }
        return page;
    }

    /** @return this page's items, in the listing's order */
    public abstract List<T> items();

    /** @return the bookmark of the next page, empty when there is none */
    public final String bookmark() {
        return bookmark;
    }

    public final boolean hasMore() {
        return !bookmark.isEmpty();
    }

    public final int count() {
        return count;
    }

    @Override
    public final boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        final Page<?> that = (Page<?>) other;
        return items().equals(that.items()) && bookmark.equals(that.bookmark);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(items(), bookmark);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "{count=" + count + ", bookmark=" + bookmark + ", items=" + items() + "}";
    }
}
