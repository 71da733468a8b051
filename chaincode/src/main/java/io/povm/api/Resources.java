// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * An amount of each resource a worker offers, in whole units: CPU in millicores (1000 = one core), memory and disk
 * in MiB. Used for a worker's {@code total} resources and for the part it keeps {@code reserved}; the ranges are
 * checked by {@link WorkerValidator}.
 *
 * <pre>{@code
 * {"cpuMillis":4000,"memoryMiB":8192,"diskMiB":40960}
 * }</pre>
 */
@JsonPropertyOrder({"cpuMillis", "memoryMiB", "diskMiB"})
public final class Resources {
    @JsonProperty("cpuMillis")
    private final long cpuMillis;

    @JsonProperty("memoryMiB")
    private final long memoryMiB;

    @JsonProperty("diskMiB")
    private final long diskMiB;

    public Resources(final long cpuMillis, final long memoryMiB, final long diskMiB) {
        this.cpuMillis = cpuMillis;
        this.memoryMiB = memoryMiB;
        this.diskMiB = diskMiB;
    }

    public long cpuMillis() {
        return cpuMillis;
    }

    public long memoryMiB() {
        return memoryMiB;
    }

    public long diskMiB() {
        return diskMiB;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Resources)) {
            return false;
        }
        final Resources that = (Resources) other;
        return cpuMillis == that.cpuMillis && memoryMiB == that.memoryMiB && diskMiB == that.diskMiB;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpuMillis, memoryMiB, diskMiB);
    }

    @Override
    public String toString() {
        return "Resources{cpuMillis=" + cpuMillis + ", memoryMiB=" + memoryMiB + ", diskMiB=" + diskMiB + "}";
    }

    /**
     * The JSON form as read, before the owner knows where it sits: {@link #toResources(String)} names a missing
     * amount by its full path, e.g. {@code offer.reserved.diskMiB}.
     */
    @JsonPropertyOrder({"cpuMillis", "memoryMiB", "diskMiB"})
    static final class Input {
        private final Long cpuMillis;
        private final Long memoryMiB;
        private final Long diskMiB;

        @JsonCreator
        Input(
                @JsonProperty("cpuMillis") final Long cpuMillis,
                @JsonProperty("memoryMiB") final Long memoryMiB,
                @JsonProperty("diskMiB") final Long diskMiB) {
            this.cpuMillis = cpuMillis;
            this.memoryMiB = memoryMiB;
            this.diskMiB = diskMiB;
        }

        /** @throws PovmException INVALID_ARGUMENT [path.amount] for a missing amount */
        Resources toResources(final String path) {
            final String whole = "a whole number";
            return new Resources(
                    PovmException.requirePresent(cpuMillis, path + ".cpuMillis", whole + " of millicores"),
                    PovmException.requirePresent(memoryMiB, path + ".memoryMiB", whole + " of MiB"),
                    PovmException.requirePresent(diskMiB, path + ".diskMiB", whole + " of MiB"));
        }
    }
}
