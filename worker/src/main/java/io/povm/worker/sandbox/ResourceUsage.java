// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * CPU, memory and process counts of one container.
 *
 * <p>{@link Source#CGROUP}: read from the kernel after the container exited (see {@link CgroupUsage}): the exact CPU
 * time (user + system, every process) and the cgroup's memory high-water mark, both including everything up to the
 * exit. {@link Source#SAMPLED}: the fallback where the cgroup cannot be read, from the engine's stats stream, which
 * sends a sample about once a second, the first one about a second after the stream opens: a container that ran for
 * less than that has {@link #samples()} 0 and zero usage, and the CPU time misses up to the last second. Memory
 * includes the page cache and the tmpfs in both.
 */
public final class ResourceUsage {
    /** Where the figures come from. */
    public enum Source {
        /** The kernel's counters of the container's parent cgroup: exact. */
        CGROUP,
        /** The engine's stats samples: lower bounds. */
        SAMPLED
    }

    /** No sample arrived. */
    public static final ResourceUsage NONE = new ResourceUsage(Duration.ZERO, 0, 0, 0);

    private final Duration cpuTime;
    private final long peakMemoryBytes;
    private final long peakPids;
    private final long forkFailures;
    private final int samples;
    private final Source source;

    /** Sampled usage, without fork failures. */
    public ResourceUsage(final Duration cpuTime, final long peakMemoryBytes, final long peakPids, final int samples) {
        this(cpuTime, peakMemoryBytes, peakPids, 0, samples, Source.SAMPLED);
    }

    /**
     * @param forkFailures forks the pids limit refused (as far as seen)
     * @param samples how many samples the figures rest on; 0 for {@link Source#CGROUP}
     */
    public ResourceUsage(
            final Duration cpuTime,
            final long peakMemoryBytes,
            final long peakPids,
            final long forkFailures,
            final int samples,
            final Source source) {
        this.cpuTime = Objects.requireNonNull(cpuTime, "cpuTime");
        this.source = Objects.requireNonNull(source, "source");
        if (cpuTime.isNegative() || peakMemoryBytes < 0 || peakPids < 0 || forkFailures < 0 || samples < 0) {
            throw new IllegalArgumentException("resource usage must not be negative: cpuTime=" + cpuTime
                    + ", peakMemoryBytes=" + peakMemoryBytes + ", peakPids=" + peakPids + ", forkFailures="
                    + forkFailures + ", samples=" + samples);
        }
        this.peakMemoryBytes = peakMemoryBytes;
        this.peakPids = peakPids;
        this.forkFailures = forkFailures;
        this.samples = samples;
    }

    /** Exact usage read from the cgroup. */
    public static ResourceUsage exact(
            final Duration cpuTime, final long peakMemoryBytes, final long peakPids, final long forkFailures) {
        return new ResourceUsage(cpuTime, peakMemoryBytes, peakPids, forkFailures, 0, Source.CGROUP);
    }

    /** CPU time used by all processes of the container, user and system. */
    public Duration cpuTime() {
        return cpuTime;
    }

    public long peakMemoryBytes() {
        return peakMemoryBytes;
    }

    /** The most processes and threads seen at once (polled or sampled: a lower bound). */
    public long peakPids() {
        return peakPids;
    }

    /** Forks the pids limit refused, as far as seen ({@code pids.events}); 0 when sampled. */
    public long forkFailures() {
        return forkFailures;
    }

    /** How many stats samples arrived while the container ran; 0 for {@link Source#CGROUP}. */
    public int samples() {
        return samples;
    }

    public Source source() {
        return source;
    }

    /** Whether CPU time and peak memory are the kernel's exact figures. */
    public boolean exact() {
        return source == Source.CGROUP;
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
                && forkFailures == that.forkFailures
                && samples == that.samples
                && source == that.source
                && cpuTime.equals(that.cpuTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpuTime, peakMemoryBytes, peakPids, forkFailures, samples, source);
    }

    @Override
    public String toString() {
        return "ResourceUsage{source=" + source + ", cpuTime=" + cpuTime + ", peakMemoryBytes=" + peakMemoryBytes
                + ", peakPids=" + peakPids + ", forkFailures=" + forkFailures + ", samples=" + samples + '}';
    }
}
