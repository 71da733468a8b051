package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.Objects;

/**
 * One page of {@code sla:List}: the SLAs in name and version order, the bookmark of the next page (empty on the last
 * page) and the number of SLAs on this page. {@code {"slas":[...],"bookmark":"","count":2}}
 */
@JsonRootName("slaPage")
@JsonPropertyOrder({"slas", "bookmark", "count"})
public final class SlaPage {
    @JsonProperty("slas")
    private final List<Sla> slas;

    @JsonProperty("bookmark")
    private final String bookmark;

    @JsonProperty("count")
    private final int count;

    public SlaPage(final List<Sla> slas, final String bookmark) {
        this.slas = List.copyOf(PovmException.requirePresent(slas, "slas", "a JSON array of SLAs"));
        this.bookmark = PovmException.requirePresent(bookmark, "bookmark", "the next page's bookmark, or \"\"");
        this.count = this.slas.size();
    }

    @JsonCreator
    static SlaPage fromJson(
            @JsonProperty("slas") final List<Sla> slas,
            @JsonProperty("bookmark") final String bookmark,
            @JsonProperty("count") final Integer count) {
        final SlaPage page = new SlaPage(slas, bookmark);
        if (count != null && count != page.count) {
            throw PovmException.invalid("count", "must equal the number of SLAs (" + page.count + "); got " + count);
        }
        return page;
    }

    public List<Sla> slas() {
        return slas;
    }

    /** @return the bookmark of the next page, empty when there is none */
    public String bookmark() {
        return bookmark;
    }

    public boolean hasMore() {
        return !bookmark.isEmpty();
    }

    public int count() {
        return count;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SlaPage)) {
            return false;
        }
        final SlaPage that = (SlaPage) other;
        return slas.equals(that.slas) && bookmark.equals(that.bookmark);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slas, bookmark);
    }

    @Override
    public String toString() {
        return "SlaPage{count=" + count + ", bookmark=" + bookmark + ", slas=" + slas + "}";
    }
}
