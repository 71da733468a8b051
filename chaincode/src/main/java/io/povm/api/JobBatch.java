// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;

/**
 * What one {@code SubmitJobs} did: its jobs in the order given (a replayed identical submission as stored), how many
 * of them it created, the escrow it moved in one debit, where that came from and the lot its change went to.
 *
 * <pre>{@code
 * {"created":2,"escrowed":216000,"from":"3f1c...e9.7","change":"9ab0...41.0","jobs":[{...},{...}]}
 * }</pre>
 *
 * @param from {@value #ACCOUNT} or the spent lot's id; absent when nothing was escrowed
 * @param change the id of the new lot holding the spent lot's rest; absent when nothing was left
 */
@JsonRootName("batch")
@JsonPropertyOrder({"created", "escrowed", "from", "change", "jobs"})
public record JobBatch(
        @JsonProperty("created") int created,
        @JsonProperty("escrowed") long escrowed,
        @JsonProperty("from") String from,
        @JsonProperty("change") String change,
        @JsonProperty("jobs") List<Job> jobs) {
    /** {@code from} when the escrow came from the submitter's account. */
    public static final String ACCOUNT = "account";

    public JobBatch {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }
}
