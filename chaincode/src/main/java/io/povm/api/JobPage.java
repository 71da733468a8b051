package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.Objects;

/**
 * One page of {@code ListJobs}: the jobs in key order, the bookmark to pass for the next page (empty when this is
 * the last page) and the number of jobs on this page.
 */
@JsonRootName("jobPage")
@JsonPropertyOrder({"jobs", "bookmark", "count"})
public final class JobPage {
    @JsonProperty("jobs")
    private final List<Job> jobs;

    @JsonProperty("bookmark")
    private final String bookmark;

    @JsonProperty("count")
    private final int count;

    public JobPage(final List<Job> jobs, final String bookmark) {
        this.jobs = List.copyOf(PovmException.requirePresent(jobs, "jobs", "a JSON array of jobs"));
        this.bookmark = PovmException.requirePresent(bookmark, "bookmark", "the next page's bookmark, or \"\"");
        this.count = this.jobs.size();
    }

    @JsonCreator
    static JobPage fromJson(
            @JsonProperty("jobs") final List<Job> jobs,
            @JsonProperty("bookmark") final String bookmark,
            @JsonProperty("count") final Integer count) {
        final JobPage page = new JobPage(jobs, bookmark);
        if (count != null && count != page.count) {
            throw PovmException.invalid("count", "must equal the number of jobs (" + page.count + "); got " + count);
        }
        return page;
    }

    public List<Job> jobs() {
        return jobs;
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
        if (!(other instanceof JobPage)) {
            return false;
        }
        final JobPage that = (JobPage) other;
        return jobs.equals(that.jobs) && bookmark.equals(that.bookmark);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobs, bookmark);
    }

    @Override
    public String toString() {
        return "JobPage{count=" + count + ", bookmark=" + bookmark + ", jobs=" + jobs + "}";
    }
}
