// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;

/**
 * One page of {@code worker:List}: the workers in key order (MSP, then name), the bookmark to pass for the next page
 * (empty when this is the last page) and the number of workers on this page.
 */
@JsonRootName("workerPage")
@JsonPropertyOrder({"workers", "bookmark", "count"})
public final class WorkerPage extends Page<Worker> {
    @JsonProperty("workers")
    private final List<Worker> workers;

    public WorkerPage(final List<Worker> workers, final String bookmark) {
        super(workers, bookmark, "workers", "workers");
        this.workers = List.copyOf(workers);
    }

    @JsonCreator
    static WorkerPage fromJson(
            @JsonProperty("workers") final List<Worker> workers,
            @JsonProperty("bookmark") final String bookmark,
            @JsonProperty("count") final Integer count) {
        return withCount(new WorkerPage(workers, bookmark), count, "workers");
    }

    public List<Worker> workers() {
        return workers;
    }

    @Override
    public List<Worker> items() {
        return workers;
    }
}
