package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.Objects;

/**
 * One page of {@code worker:List}: the workers in key order (MSP, then name), the bookmark to pass for the next page
 * (empty when this is the last page) and the number of workers on this page.
 */
@JsonRootName("workerPage")
@JsonPropertyOrder({"workers", "bookmark", "count"})
public final class WorkerPage {
    @JsonProperty("workers")
    private final List<Worker> workers;

    @JsonProperty("bookmark")
    private final String bookmark;

    @JsonProperty("count")
    private final int count;

    public WorkerPage(final List<Worker> workers, final String bookmark) {
        this.workers = List.copyOf(PovmException.requirePresent(workers, "workers", "a JSON array of workers"));
        this.bookmark = PovmException.requirePresent(bookmark, "bookmark", "the next page's bookmark, or \"\"");
        this.count = this.workers.size();
    }

    @JsonCreator
    static WorkerPage fromJson(
            @JsonProperty("workers") final List<Worker> workers,
            @JsonProperty("bookmark") final String bookmark,
            @JsonProperty("count") final Integer count) {
        final WorkerPage page = new WorkerPage(workers, bookmark);
        if (count != null && count != page.count) {
            throw PovmException.invalid("count", "must equal the number of workers (" + page.count + "); got " + count);
        }
        return page;
    }

    public List<Worker> workers() {
        return workers;
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
        if (!(other instanceof WorkerPage)) {
            return false;
        }
        final WorkerPage that = (WorkerPage) other;
        return workers.equals(that.workers) && bookmark.equals(that.bookmark);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workers, bookmark);
    }

    @Override
    public String toString() {
        return "WorkerPage{count=" + count + ", bookmark=" + bookmark + ", workers=" + workers + "}";
    }
}
