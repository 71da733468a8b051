package io.povm.worker.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * CPU, memory and process counts of one container, sampled from the engine's stats stream while it ran.
 *
 * <p>The engine sends a sample about once a second, the first one about a second after the stream opens, so a
 * container that ran for less than that has {@link #samples()} 0 and zero usage. CPU time is the last sample's
 * cumulative usage (it misses at most the last second); peak memory is the cgroup's own high-water mark where the
 * engine reports one (cgroup v1 {@code max_usage}), else the largest sampled usage; both include the page cache.
 */
public final class ResourceUsage {
    /** No sample arrived. */
    public static final ResourceUsage NONE = new ResourceUsage(Duration.ZERO, 0, 0, 0);

    private final Duration cpuTime;
    private final long peakMemoryBytes;
    private final long peakPids;
    private final int samples;

    public ResourceUsage(final Duration cpuTime, final long peakMemoryBytes, final long peakPids, final int samples) {
        this.cpuTime = Objects.requireNonNull(cpuTime, "cpuTime");
        if (cpuTime.isNegative() || peakMemoryBytes < 0 || peakPids < 0 || samples < 0) {
            throw new IllegalArgumentException("resource usage must not be negative: cpuTime=" + cpuTime
                    + ", peakMemoryBytes=" + peakMemoryBytes + ", peakPids=" + peakPids + ", samples=" + samples);
        }
        this.peakMemoryBytes = peakMemoryBytes;
        this.peakPids = peakPids;
        this.samples = samples;
    }

    /** CPU time used by all processes of the container, user and system, up to the last sample. */
    public Duration cpuTime() {
        return cpuTime;
    }

    public long peakMemoryBytes() {
        return peakMemoryBytes;
    }

    /** The most processes and threads seen in one sample. */
    public long peakPids() {
        return peakPids;
    }

    /** How many stats samples arrived while the container ran. */
    public int samples() {
        return samples;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ResourceUsage)) {
            return false;
        }
        final ResourceUsage that = (ResourceUsage) other;
        return peakMemoryBytes == that.peakMemoryBytes
                && peakPids == that.peakPids
                && samples == that.samples
                && cpuTime.equals(that.cpuTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpuTime, peakMemoryBytes, peakPids, samples);
    }

    @Override
    public String toString() {
        return "ResourceUsage{cpuTime=" + cpuTime + ", peakMemoryBytes=" + peakMemoryBytes + ", peakPids=" + peakPids
                + ", samples=" + samples + '}';
    }
}
