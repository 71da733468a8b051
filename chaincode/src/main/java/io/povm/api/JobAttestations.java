// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.Objects;

/**
 * The signed attestations stored for a job, one {@link Reveal} per revealed replica, in replica order.
 *
 * <pre>{@code
 * {"jobId":"flip-1","reveals":[{"attestation":{...},"signature":"...","output":"...","checkpointLeaves":[...]}]}
 * }</pre>
 */
@JsonRootName("attestations")
@JsonPropertyOrder({"jobId", "reveals"})
public record JobAttestations(@JsonProperty("jobId") String jobId, @JsonProperty("reveals") List<Reveal> reveals) {
    public JobAttestations {
        Objects.requireNonNull(jobId, "jobId");
        reveals = reveals == null ? List.of() : List.copyOf(reveals);
    }
}
