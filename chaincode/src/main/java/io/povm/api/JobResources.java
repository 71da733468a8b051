// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What one replica of a job declares it needs, e.g. {@code {"cpuMillis":500,"memoryMiB":256}}: CPU in millicores
 * (1000 = one core) and memory in MiB. Both are optional; a missing one means "whatever the SLA gives". The
 * declared resources must lie within the job's SLA (checked where SLAs are known).
 */
@JsonPropertyOrder({"cpuMillis", "memoryMiB"})
public final class JobResources {
    @JsonProperty("cpuMillis")
    private final Integer cpuMillis;

    @JsonProperty("memoryMiB")
    private final Integer memoryMiB;

    @JsonCreator
    public JobResources(
            @JsonProperty("cpuMillis") final Integer cpuMillis, @JsonProperty("memoryMiB") final Integer memoryMiB) {
        this.cpuMillis = cpuMillis;
        this.memoryMiB = memoryMiB;
    }

    /** @return CPU in millicores, if declared */
    public OptionalInt cpuMillis() {
        return cpuMillis == null ? OptionalInt.empty() : OptionalInt.of(cpuMillis);
    }

    /** @return memory in MiB, if declared */
    public OptionalInt memoryMiB() {
        return memoryMiB == null ? OptionalInt.empty() : OptionalInt.of(memoryMiB);
    }

    /** @return whether neither resource is declared */
    public boolean isEmpty() {
        return cpuMillis == null && memoryMiB == null;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JobResources)) {
            return false;
        }
        final JobResources that = (JobResources) other;
        return Objects.equals(cpuMillis, that.cpuMillis) && Objects.equals(memoryMiB, that.memoryMiB);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpuMillis, memoryMiB);
    }

    @Override
    public String toString() {
        return "JobResources{cpuMillis=" + cpuMillis + ", memoryMiB=" + memoryMiB + "}";
    }
}
