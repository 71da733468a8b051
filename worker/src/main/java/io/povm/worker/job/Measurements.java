// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import io.povm.worker.sandbox.ContainerRun;
import io.povm.worker.sandbox.ResourceUsage;
import io.povm.worker.sandbox.SandboxPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one job run measured: wall time, CPU time, peak memory, exit code, output size and the SLA limit hit.
 *
 * <p>Wall time is the engine's {@code StartedAt} to {@code FinishedAt}. CPU time (user + system of every process)
 * and peak memory are read from the container's parent cgroup after it exited ({@link #exact()}); only where that
 * cannot be done are they sampled from the engine's stats stream about once a second (see {@link ResourceUsage}): a
 * run shorter than about a second then reports 0 and {@link #samples()} 0, and the CPU time misses up to the last
 * second of a longer run.
 */
public final class Measurements {
    /** {@code strerror(ENOSPC)}, as shells, coreutils and Python print it. */
    static final String NO_SPACE = "No space left on device";

    /** How dash, bash, coreutils and Python report a refused fork or thread. */
    static final Pattern FORK_REFUSED =
            Pattern.compile("(?i)(cannot|can't|could not|unable to) fork|fork[^\n]*resource temporarily unavailable"
                    + "|can't start new thread");

    private final Duration wallTime;
    private final Duration cpuTime;
    private final long peakMemoryBytes;
    private final int exitCode;
    private final long outputBytes;
    private final LimitHit limitHit;
    private final int samples;
    private final boolean exact;

    private Measurements(final ContainerRun run, final LimitHit limitHit) {
        final ResourceUsage usage = run.resourceUsage();
        this.wallTime = run.wallTime();
        this.cpuTime = usage.cpuTime();
        this.peakMemoryBytes = usage.peakMemoryBytes();
        this.exitCode = run.exitCode();
        this.outputBytes = run.stdoutBytes().length;
        this.limitHit = limitHit;
        this.samples = usage.samples();
        this.exact = usage.exact();
    }

    /**
     * The measurements of {@code run} under {@code policy}. The limit hit is the first that applies of: {@code
     * OOM_KILLED} and {@code TIMEOUT} (reported by the engine), {@code PIDS_LIMIT} (the pids cgroup counted a refused fork,
     * the limit was seen reached, or a failed run's stderr says a fork was refused), {@code DISK_LIMIT} (a failed run whose stderr says a write found no space left),
     * {@code OUTPUT_LIMIT} (stdout truncated), else {@code NONE}.
     */
    public static Measurements of(final ContainerRun run, final SandboxPolicy policy) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(policy, "policy");
        return new Measurements(run, limitHit(run, policy));
    }

    static LimitHit limitHit(final ContainerRun run, final SandboxPolicy policy) {
        if (run.oomKilled()) {
            return LimitHit.OOM_KILLED;
        }
        if (run.timedOut()) {
            return LimitHit.TIMEOUT;
        }
        if (run.resourceUsage().forkFailures() > 0
                || run.resourceUsage().peakPids() >= policy.pidsLimit()
                || (run.exitCode() != 0
                        && FORK_REFUSED.matcher(run.stderrTail()).find())) {
            return LimitHit.PIDS_LIMIT;
        }
        if (run.exitCode() != 0 && run.stderrTail().contains(NO_SPACE)) {
            return LimitHit.DISK_LIMIT;
        }
        if (run.stdoutTruncated()) {
            return LimitHit.OUTPUT_LIMIT;
        }
        return LimitHit.NONE;
    }

    public Duration wallTime() {
        return wallTime;
    }

    /**
     * @return the wall time in whole milliseconds, rounded up: a run that took 0.4 ms took time, and is attested as
     *     1 ms, not 0 (the engine's timestamps have nanoseconds)
     */
    public long wallMillis() {
        final long nanos = wallTime.toNanos();
        return nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
    }

    public Duration cpuTime() {
        return cpuTime;
    }

    /** CPU time in seconds, e.g. 1.25. */
    public double cpuSeconds() {
        return cpuTime.toNanos() / 1e9;
    }

    public long peakMemoryBytes() {
        return peakMemoryBytes;
    }

    /** 137 when killed (wall time or memory), -1 if the engine reported none. */
    public int exitCode() {
        return exitCode;
    }

    /** Bytes of stdout kept, at most the policy's stdout limit. */
    public long outputBytes() {
        return outputBytes;
    }

    public LimitHit limitHit() {
        return limitHit;
    }

    /** How many stats samples sampled CPU and memory figures rest on; 0 when {@link #exact()} or not measured. */
    public int samples() {
        return samples;
    }

    /** Whether CPU time and peak memory are the kernel's exact counters rather than samples. */
    public boolean exact() {
        return exact;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Measurements)) {
            return false;
        }
        final Measurements that = (Measurements) other;
        return peakMemoryBytes == that.peakMemoryBytes
                && exitCode == that.exitCode
                && outputBytes == that.outputBytes
                && samples == that.samples
                && exact == that.exact
                && limitHit == that.limitHit
                && wallTime.equals(that.wallTime)
                && cpuTime.equals(that.cpuTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(wallTime, cpuTime, peakMemoryBytes, exitCode, outputBytes, limitHit, samples, exact);
    }

    @Override
    public String toString() {
        return "Measurements{wallTime=" + wallTime + ", cpuTime=" + cpuTime + ", peakMemoryBytes=" + peakMemoryBytes
                + ", exitCode=" + exitCode + ", outputBytes=" + outputBytes + ", limitHit=" + limitHit + ", exact="
                + exact + ", samples=" + samples + '}';
    }
}
