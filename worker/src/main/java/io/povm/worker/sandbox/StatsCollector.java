// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.PidsStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import java.time.Duration;

/**
 * The fallback where {@link CgroupUsage} cannot be used: receives the engine's stats samples of one running container
 * and keeps the largest values (lower bounds, {@link ResourceUsage.Source#SAMPLED}). Thread-safe: the
 * engine's callback thread adds samples, the runner reads the result.
 */
final class StatsCollector extends ResultCallback.Adapter<Statistics> {
    private long cpuNanos;
    private long peakMemoryBytes;
    private long peakPids;
    private int samples;

    @Override
    public synchronized void onNext(final Statistics statistics) {
        final long cpu = cpuNanos(statistics.getCpuStats());
        final long memory = memoryBytes(statistics.getMemoryStats());
        final long pids = pids(statistics.getPidsStats());
        if (cpu == 0 && memory == 0 && pids == 0) {
            return; // the engine's empty sample for a container that is not (or no longer) running
        }
        cpuNanos = Math.max(cpuNanos, cpu);
        peakMemoryBytes = Math.max(peakMemoryBytes, memory);
        peakPids = Math.max(peakPids, pids);
        samples++;
    }

    synchronized ResourceUsage usage() {
        return new ResourceUsage(Duration.ofNanos(cpuNanos), peakMemoryBytes, peakPids, samples);
    }

    private static long cpuNanos(final CpuStatsConfig cpu) {
        if (cpu == null || cpu.getCpuUsage() == null || cpu.getCpuUsage().getTotalUsage() == null) {
            return 0;
        }
        return cpu.getCpuUsage().getTotalUsage();
    }

    /** cgroup v1 reports the high-water mark {@code max_usage}; cgroup v2 only the current usage. */
    private static long memoryBytes(final MemoryStatsConfig memory) {
        if (memory == null) {
            return 0;
        }
        final long max = memory.getMaxUsage() == null ? 0 : memory.getMaxUsage();
        final long usage = memory.getUsage() == null ? 0 : memory.getUsage();
        return Math.max(max, usage);
    }

    private static long pids(final PidsStatsConfig pids) {
        return pids == null || pids.getCurrent() == null ? 0 : pids.getCurrent();
    }
}
