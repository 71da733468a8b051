// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;

/**
 * One page of {@code ListJobs}: the jobs in key order, the bookmark to pass for the next page (empty when this is
 * the last page) and the number of jobs on this page.
 */
@JsonRootName("jobPage")
@JsonPropertyOrder({"jobs", "bookmark", "count"})
public final class JobPage extends Page<Job> {
    @JsonProperty("jobs")
    private final List<Job> jobs;

    public JobPage(final List<Job> jobs, final String bookmark) {
        super(jobs, bookmark, "jobs", "jobs");
        this.jobs = List.copyOf(jobs);
    }

    @JsonCreator
    static JobPage fromJson(
            @JsonProperty("jobs") final List<Job> jobs,
            @JsonProperty("bookmark") final String bookmark,
            @JsonProperty("count") final Integer count) {
        return withCount(new JobPage(jobs, bookmark), count, "jobs");
    }

    public List<Job> jobs() {
        return jobs;
    }

    @Override
    public List<Job> items() {
        return jobs;
    }
}
