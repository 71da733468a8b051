// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The customer side of an SLA: what a job run under it must respect, besides asking for no more resources than the
 * {@link VmTerms} promise. Sizes in bytes, e.g. {@code {"maxInputBytes":1048576,"maxOutputBytes":1048576}}.
 */
@JsonPropertyOrder({"maxInputBytes", "maxOutputBytes"})
public final class JobLimits {
    @JsonProperty("maxInputBytes")
    private final long maxInputBytes;

    @JsonProperty("maxOutputBytes")
    private final long maxOutputBytes;

    public JobLimits(final long maxInputBytes, final long maxOutputBytes) {
        this.maxInputBytes = maxInputBytes;
        this.maxOutputBytes = maxOutputBytes;
    }

    @JsonCreator
    static JobLimits fromJson(
            @JsonProperty("maxInputBytes") final Long maxInputBytes,
            @JsonProperty("maxOutputBytes") final Long maxOutputBytes) {
        return new JobLimits(
                PovmException.requirePresent(
                        maxInputBytes, "job.maxInputBytes", SlaSpecValidator.accepted("job.maxInputBytes")),
                PovmException.requirePresent(
                        maxOutputBytes, "job.maxOutputBytes", SlaSpecValidator.accepted("job.maxOutputBytes")));
    }

    /** @return the largest total size of a job's inputs, in bytes */
    public long maxInputBytes() {
        return maxInputBytes;
    }

    /** @return the largest result a job may report, in bytes */
    public long maxOutputBytes() {
        return maxOutputBytes;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JobLimits)) {
            return false;
        }
        final JobLimits that = (JobLimits) other;
        return maxInputBytes == that.maxInputBytes && maxOutputBytes == that.maxOutputBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxInputBytes, maxOutputBytes);
    }

    @Override
    public String toString() {
        return "JobLimits{maxInputBytes=" + maxInputBytes + ", maxOutputBytes=" + maxOutputBytes + "}";
    }
}
