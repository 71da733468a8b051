// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.Objects;

/**
 * Every committed version of one job, as {@code GetJobHistory} returns it, newest first (the peer's history order,
 * by block and transaction position, not by the client-set timestamps):
 *
 * <pre>{@code
 * {"id":"flip-1","versions":[{"txId":"b2..","timestamp":"...","deleted":false,"job":{..."state":"CANCELLED"...}},
 *                            {"txId":"a1..","timestamp":"...","deleted":false,"job":{..."state":"SUBMITTED"...}}],
 *  "count":2}
 * }</pre>
 */
@JsonRootName("jobHistory")
@JsonPropertyOrder({"id", "versions", "count"})
public final class JobHistory {
    @JsonProperty("id")
    private final String id;

    @JsonProperty("versions")
    private final List<JobVersion> versions;

    @JsonProperty("count")
    private final int count;

    public JobHistory(final String id, final List<JobVersion> versions) {
        this.id = PovmException.requirePresent(id, "id", "the job's id");
        this.versions = List.copyOf(PovmException.requirePresent(versions, "versions", "a JSON array of versions"));
        this.count = this.versions.size();
    }

    @JsonCreator
    static JobHistory fromJson(
            @JsonProperty("id") final String id,
            @JsonProperty("versions") final List<JobVersion> versions,
            @JsonProperty("count") final Integer count) {
        final JobHistory history = new JobHistory(id, versions);
        if (count != null && count != history.count) {
            throw PovmException.invalid(
                    "count", "must equal the number of versions (" + history.count + "); got " + count);
        }
        return history;
    }

    public String id() {
        return id;
    }

    /** @return the versions, newest first */
    public List<JobVersion> versions() {
        return versions;
    }

    public int count() {
        return count;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JobHistory)) {
            return false;
        }
        final JobHistory that = (JobHistory) other;
        return id.equals(that.id) && versions.equals(that.versions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, versions);
    }

    @Override
    public String toString() {
        return "JobHistory{id=" + id + ", count=" + count + ", versions=" + versions + "}";
    }
}
