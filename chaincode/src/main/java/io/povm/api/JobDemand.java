// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.util.Objects;

/**
 * What a job asks of the VM that runs it: CPU in millicores, memory and disk in MiB, wall time in seconds and the
 * total size of its inputs in bytes. {@link SlaSpecValidator#requireAdmits(SlaSpec, JobDemand, String)} checks it
 * against an SLA's terms.
 */
public final class JobDemand {
    private final long cpuMillis;
    private final long memoryMiB;
    private final long diskMiB;
    private final long wallSeconds;
    private final long inputBytes;

    private JobDemand(
            final long cpuMillis,
            final long memoryMiB,
            final long diskMiB,
            final long wallSeconds,
            final long inputBytes) {
        this.cpuMillis = cpuMillis;
        this.memoryMiB = memoryMiB;
        this.diskMiB = diskMiB;
        this.wallSeconds = wallSeconds;
        this.inputBytes = inputBytes;
    }

    /** @return a demand of nothing; add to it with the {@code with...} methods */
    public static JobDemand none() {
        return new JobDemand(0, 0, 0, 0, 0);
    }

    public JobDemand withCpuMillis(final long value) {
        return new JobDemand(value, memoryMiB, diskMiB, wallSeconds, inputBytes);
    }

    public JobDemand withMemoryMiB(final long value) {
        return new JobDemand(cpuMillis, value, diskMiB, wallSeconds, inputBytes);
    }

    public JobDemand withDiskMiB(final long value) {
        return new JobDemand(cpuMillis, memoryMiB, value, wallSeconds, inputBytes);
    }

    public JobDemand withWallSeconds(final long value) {
        return new JobDemand(cpuMillis, memoryMiB, diskMiB, value, inputBytes);
    }

    public JobDemand withInputBytes(final long value) {
        return new JobDemand(cpuMillis, memoryMiB, diskMiB, wallSeconds, value);
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

    public long wallSeconds() {
        return wallSeconds;
    }

    public long inputBytes() {
        return inputBytes;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JobDemand)) {
            return false;
        }
        final JobDemand that = (JobDemand) other;
        return cpuMillis == that.cpuMillis
                && memoryMiB == that.memoryMiB
                && diskMiB == that.diskMiB
                && wallSeconds == that.wallSeconds
                && inputBytes == that.inputBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpuMillis, memoryMiB, diskMiB, wallSeconds, inputBytes);
    }

    @Override
    public String toString() {
        return "JobDemand{cpuMillis=" + cpuMillis + ", memoryMiB=" + memoryMiB + ", diskMiB=" + diskMiB
                + ", wallSeconds=" + wallSeconds + ", inputBytes=" + inputBytes + "}";
    }
}
