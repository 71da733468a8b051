// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A worker's CloudPoS stake (Tosh et al., eq. 1-4): {@code f(R, R^u, gamma) = gamma * (R - R^u)} per resource, where
 * {@code R} is the worker's total and {@code R^u} its reserved resources, summed over CPU, memory and disk. Integer
 * arithmetic only, with overflow checks, so every endorser computes the same bytes.
 *
 * <p>The weights are stake units per unit of resource: {@value #GAMMA_CPU_PER_MILLICORE} per millicore,
 * {@value #GAMMA_MEMORY_PER_MIB} per MiB of memory, {@value #GAMMA_DISK_PER_MIB} per MiB of disk. One core thus
 * weighs 256,000, as much as 7.8 GiB of memory or 250 GiB of disk, roughly the ratio of on-demand cloud prices for a
 * vCPU, a GiB of memory and a GiB of block storage.
 *
 * <pre>{@code
 * {"cpu":768000,"memory":196608,"disk":30720,"total":995328}
 * }</pre>
 */
@JsonPropertyOrder({"cpu", "memory", "disk", "total"})
public final class Stake {
    public static final long GAMMA_CPU_PER_MILLICORE = 256;
    public static final long GAMMA_MEMORY_PER_MIB = 32;
    public static final long GAMMA_DISK_PER_MIB = 1;

    @JsonProperty("cpu")
    private final long cpu;

    @JsonProperty("memory")
    private final long memory;

    @JsonProperty("disk")
    private final long disk;

    @JsonProperty("total")
    private final long total;

    private Stake(final long cpu, final long memory, final long disk) {
        this.cpu = cpu;
        this.memory = memory;
        this.disk = disk;
        this.total = Math.addExact(Math.addExact(cpu, memory), disk);
    }

    /**
     * @return {@code gamma * (total - reserved)} per resource and their sum
     * @throws ArithmeticException on overflow (impossible within {@link WorkerValidator}'s ranges)
     */
    public static Stake of(final Resources total, final Resources reserved) {
        return new Stake(
                weigh(GAMMA_CPU_PER_MILLICORE, total.cpuMillis(), reserved.cpuMillis()),
                weigh(GAMMA_MEMORY_PER_MIB, total.memoryMiB(), reserved.memoryMiB()),
                weigh(GAMMA_DISK_PER_MIB, total.diskMiB(), reserved.diskMiB()));
    }

    private static long weigh(final long gamma, final long total, final long reserved) {
        return Math.multiplyExact(gamma, Math.subtractExact(total, reserved));
    }

    @JsonCreator
    static Stake fromJson(
            @JsonProperty("cpu") final Long cpu,
            @JsonProperty("memory") final Long memory,
            @JsonProperty("disk") final Long disk,
            @JsonProperty("total") final Long total) {
        final Stake stake = new Stake(
                PovmException.requirePresent(cpu, "stake.cpu", "a whole number"),
                PovmException.requirePresent(memory, "stake.memory", "a whole number"),
                PovmException.requirePresent(disk, "stake.disk", "a whole number"));
        if (total == null || total != stake.total) {
            throw PovmException.invalid("stake.total", "must be cpu + memory + disk = " + stake.total);
        }
        return stake;
    }

    /** @return stake from CPU: gamma_cpu * (total - reserved millicores) */
    public long cpu() {
        return cpu;
    }

    public long memory() {
        return memory;
    }

    public long disk() {
        return disk;
    }

    /** @return the worker's stake, the sum over its resources */
    public long total() {
        return total;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Stake)) {
            return false;
        }
        final Stake that = (Stake) other;
        return cpu == that.cpu && memory == that.memory && disk == that.disk;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpu, memory, disk);
    }

    @Override
    public String toString() {
        return "Stake{cpu=" + cpu + ", memory=" + memory + ", disk=" + disk + ", total=" + total + "}";
    }
}
