// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What one sandboxed container did: its exit code, its output (stdout from the start, stderr from the end, both
 * bounded by the {@link SandboxPolicy}), how long it ran, what it used, and whether it was killed for time or
 * memory.
 */
public final class ContainerRun {
    private final int exitCode;
    private final byte[] stdout;
    private final boolean stdoutTruncated;
    private final String stderrTail;
    private final Duration wallTime;
    private final boolean timedOut;
    private final boolean oomKilled;
    private final ResourceUsage resourceUsage;
    private final Instant startedAt;
    private final Instant finishedAt;

    private ContainerRun(final Builder builder) {
        this.exitCode = builder.exitCode;
        this.stdout = builder.stdout.clone();
        this.stdoutTruncated = builder.stdoutTruncated;
        this.stderrTail = Objects.requireNonNull(builder.stderrTail, "stderrTail");
        this.wallTime = Objects.requireNonNull(builder.wallTime, "wallTime");
        this.timedOut = builder.timedOut;
        this.oomKilled = builder.oomKilled;
        this.resourceUsage = builder.resourceUsage;
        this.startedAt = builder.startedAt;
        this.finishedAt = builder.finishedAt;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The process's exit code; 137 when it was killed (wall time or memory). */
    public int exitCode() {
        return exitCode;
    }

    /** Stdout as UTF-8, at most {@link SandboxPolicy#stdoutLimitBytes()} bytes from the start. */
    public String stdout() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Stdout as the container wrote it, at most {@link SandboxPolicy#stdoutLimitBytes()} bytes from the start. */
    public byte[] stdoutBytes() {
        return stdout.clone();
    }

    /** Whether the job wrote more stdout than the policy keeps; such output is not a complete result. */
    public boolean stdoutTruncated() {
        return stdoutTruncated;
    }

    /** The last {@link SandboxPolicy#stderrTailBytes()} bytes of stderr, as UTF-8. */
    public String stderrTail() {
        return stderrTail;
    }

    /**
     * Time from container start until it exited or was killed: the engine's {@code State.FinishedAt} minus {@code
     * State.StartedAt} (see {@link #startedAt()}), or this host's clock around start and wait where the engine gave
     * none.
     */
    public Duration wallTime() {
        return wallTime;
    }

    /** When the engine says the container started ({@code State.StartedAt}); empty if it gave none. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** When the engine says the container finished ({@code State.FinishedAt}); empty if it gave none. */
    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    /** Whether the container was killed because it ran past the policy's wall time. */
    public boolean timedOut() {
        return timedOut;
    }

    /** Whether the kernel killed the container for exceeding its memory limit. */
    public boolean oomKilled() {
        return oomKilled;
    }

    /** CPU, memory and processes: exact from the cgroup, or sampled (see {@link ResourceUsage#source()}). */
    public ResourceUsage resourceUsage() {
        return resourceUsage;
    }

    /** Exit code 0, complete stdout, and neither killed for time nor for memory. */
    public boolean succeeded() {
        return exitCode == 0 && !stdoutTruncated && !timedOut && !oomKilled;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ContainerRun)) {
            return false;
        }
        final ContainerRun that = (ContainerRun) other;
        return exitCode == that.exitCode
                && stdoutTruncated == that.stdoutTruncated
                && timedOut == that.timedOut
                && oomKilled == that.oomKilled
                && Arrays.equals(stdout, that.stdout)
                && stderrTail.equals(that.stderrTail)
                && wallTime.equals(that.wallTime)
                && resourceUsage.equals(that.resourceUsage)
                && Objects.equals(startedAt, that.startedAt)
                && Objects.equals(finishedAt, that.finishedAt);
    }

    @Override
    public int hashCode() {
        return 31
                        * Objects.hash(
                                exitCode,
                                stdoutTruncated,
                                stderrTail,
                                wallTime,
                                timedOut,
                                oomKilled,
                                resourceUsage,
                                startedAt,
                                finishedAt)
                + Arrays.hashCode(stdout);
    }

    /** Sizes only: job output may be confidential and must not end up in logs. */
    @Override
    public String toString() {
        return "ContainerRun{exitCode=" + exitCode + ", stdoutBytes=" + stdout.length + ", stdoutTruncated="
                + stdoutTruncated + ", stderrTailChars=" + stderrTail.length() + ", wallTime=" + wallTime
                + ", timedOut=" + timedOut + ", oomKilled=" + oomKilled + ", " + resourceUsage + '}';
    }

    /** Builder for runs; every field but the flags is required. */
    public static final class Builder {
        private int exitCode;
        private byte[] stdout = new byte[0];
        private boolean stdoutTruncated;
        private String stderrTail = "";
        private Duration wallTime;
        private boolean timedOut;
        private boolean oomKilled;
        private ResourceUsage resourceUsage = ResourceUsage.NONE;
        private Instant startedAt;
        private Instant finishedAt;

        private Builder() {}

        /** The engine's start and finish times of the container. */
        public Builder engineTimes(final Instant startedAt, final Instant finishedAt) {
            this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
            this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
            return this;
        }

        public Builder exitCode(final int exitCode) {
            this.exitCode = exitCode;
            return this;
        }

        public Builder stdout(final String stdout) {
            this.stdout = Objects.requireNonNull(stdout, "stdout").getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Builder stdoutBytes(final byte[] stdout) {
            this.stdout = Objects.requireNonNull(stdout, "stdout").clone();
            return this;
        }

        public Builder stdoutTruncated(final boolean stdoutTruncated) {
            this.stdoutTruncated = stdoutTruncated;
            return this;
        }

        public Builder stderrTail(final String stderrTail) {
            this.stderrTail = Objects.requireNonNull(stderrTail, "stderrTail");
            return this;
        }

        public Builder wallTime(final Duration wallTime) {
            this.wallTime = Objects.requireNonNull(wallTime, "wallTime");
            return this;
        }

        public Builder timedOut(final boolean timedOut) {
            this.timedOut = timedOut;
            return this;
        }

        public Builder oomKilled(final boolean oomKilled) {
            this.oomKilled = oomKilled;
            return this;
        }

        public Builder resourceUsage(final ResourceUsage resourceUsage) {
            this.resourceUsage = Objects.requireNonNull(resourceUsage, "resourceUsage");
            return this;
        }

        public ContainerRun build() {
            return new ContainerRun(this);
        }
    }
}
