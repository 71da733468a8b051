// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Limits for one sandboxed container: memory (no swap), CPU, processes, wall time, the size of the {@code /tmp}
 * tmpfs, the non-root user, and how much output is kept.
 *
 * <p>Immutable; build one with {@link #builder()} or start from {@link #defaults()} with {@link #toBuilder()}. Every
 * value is checked when built, and a rejected value names the field and the accepted range.
 */
public final class SandboxPolicy {
    /** Docker refuses memory limits below 6 MiB. */
    public static final long MIN_MEMORY_BYTES = 6L * 1024 * 1024;
    /** Docker refuses CPU limits below 0.01 CPU. */
    public static final long MIN_NANO_CPUS = 10_000_000L;

    public static final Duration MAX_WALL_TIME = Duration.ofHours(24);
    public static final long MIN_TMPFS_BYTES = 64L * 1024;
    public static final int MAX_STDOUT_LIMIT_BYTES = 64 * 1024 * 1024;
    public static final int MAX_STDERR_TAIL_BYTES = 16 * 1024 * 1024;
    /** {@code nobody:nogroup} on Debian, the user the base image declares. */
    public static final String NOBODY = "65534:65534";

    private static final Pattern NUMERIC_USER = Pattern.compile("(\\d{1,10}):(\\d{1,10})");
    private static final SandboxPolicy DEFAULTS = builder().build();

    private final long memoryBytes;
    private final long nanoCpus;
    private final long pidsLimit;
    private final Duration wallTime;
    private final long tmpfsBytes;
    private final String user;
    private final int stdoutLimitBytes;
    private final int stderrTailBytes;

    private SandboxPolicy(final Builder builder) {
        this.memoryBytes = builder.memoryBytes;
        this.nanoCpus = builder.nanoCpus;
        this.pidsLimit = builder.pidsLimit;
        this.wallTime = builder.wallTime;
        this.tmpfsBytes = builder.tmpfsBytes;
        this.user = builder.user;
        this.stdoutLimitBytes = builder.stdoutLimitBytes;
        this.stderrTailBytes = builder.stderrTailBytes;
    }

    /** 256 MiB, 1 CPU, 64 processes, 60 s, 16 MiB /tmp, user 65534:65534, 1 MiB stdout, 64 KiB stderr tail. */
    public static SandboxPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .memoryBytes(memoryBytes)
                .nanoCpus(nanoCpus)
                .pidsLimit(pidsLimit)
                .wallTime(wallTime)
                .tmpfsBytes(tmpfsBytes)
                .user(user)
                .stdoutLimitBytes(stdoutLimitBytes)
                .stderrTailBytes(stderrTailBytes);
    }

    /** Memory limit; swap is limited to the same value, so the container gets no swap. */
    public long memoryBytes() {
        return memoryBytes;
    }

    /** CPU limit in billionths of a CPU: 1_000_000_000 is one CPU. */
    public long nanoCpus() {
        return nanoCpus;
    }

    /** Maximum number of processes and threads in the container. */
    public long pidsLimit() {
        return pidsLimit;
    }

    /** Time from start after which the container is killed and the run reported as timed out. */
    public Duration wallTime() {
        return wallTime;
    }

    /**
     * Size of the writable tmpfs mounted at {@code /tmp}, all the job can write (the rest of the file system is
     * read-only); 0: no {@code /tmp} tmpfs, nothing is writable. Its pages are memory and count towards {@link
     * #memoryBytes()} too.
     */
    public long tmpfsBytes() {
        return tmpfsBytes;
    }

    /** Numeric {@code uid:gid}, never 0. */
    public String user() {
        return user;
    }

    /** How many bytes of stdout are kept, from the start; the rest is dropped and the run marked truncated. */
    public int stdoutLimitBytes() {
        return stdoutLimitBytes;
    }

    /** How many bytes of stderr are kept, from the end. */
    public int stderrTailBytes() {
        return stderrTailBytes;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SandboxPolicy)) {
            return false;
        }
        final SandboxPolicy that = (SandboxPolicy) other;
        return memoryBytes == that.memoryBytes
                && nanoCpus == that.nanoCpus
                && pidsLimit == that.pidsLimit
                && tmpfsBytes == that.tmpfsBytes
                && stdoutLimitBytes == that.stdoutLimitBytes
                && stderrTailBytes == that.stderrTailBytes
                && wallTime.equals(that.wallTime)
                && user.equals(that.user);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                memoryBytes, nanoCpus, pidsLimit, wallTime, tmpfsBytes, user, stdoutLimitBytes, stderrTailBytes);
    }

    @Override
    public String toString() {
        return "SandboxPolicy{memoryBytes=" + memoryBytes + ", nanoCpus=" + nanoCpus + ", pidsLimit=" + pidsLimit
                + ", wallTime=" + wallTime + ", tmpfsBytes=" + tmpfsBytes + ", user=" + user + ", stdoutLimitBytes="
                + stdoutLimitBytes + ", stderrTailBytes=" + stderrTailBytes + '}';
    }

    /** Builder starting from the {@link #defaults()}; {@link #build()} validates every field. */
    public static final class Builder {
        private long memoryBytes = 256L * 1024 * 1024;
        private long nanoCpus = 1_000_000_000L;
        private long pidsLimit = 64;
        private Duration wallTime = Duration.ofSeconds(60);
        private long tmpfsBytes = 16L * 1024 * 1024;
        private String user = NOBODY;
        private int stdoutLimitBytes = 1024 * 1024;
        private int stderrTailBytes = 64 * 1024;

        private Builder() {}

        public Builder memoryBytes(final long memoryBytes) {
            this.memoryBytes = memoryBytes;
            return this;
        }

        public Builder nanoCpus(final long nanoCpus) {
            this.nanoCpus = nanoCpus;
            return this;
        }

        public Builder pidsLimit(final long pidsLimit) {
            this.pidsLimit = pidsLimit;
            return this;
        }

        public Builder wallTime(final Duration wallTime) {
            this.wallTime = Objects.requireNonNull(wallTime, "wallTime");
            return this;
        }

        public Builder tmpfsBytes(final long tmpfsBytes) {
            this.tmpfsBytes = tmpfsBytes;
            return this;
        }

        public Builder user(final String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        public Builder stdoutLimitBytes(final int stdoutLimitBytes) {
            this.stdoutLimitBytes = stdoutLimitBytes;
            return this;
        }

        public Builder stderrTailBytes(final int stderrTailBytes) {
            this.stderrTailBytes = stderrTailBytes;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the first field out of range and what would be accepted
         */
        public SandboxPolicy build() {
            atLeast("memoryBytes", memoryBytes, MIN_MEMORY_BYTES);
            atLeast("nanoCpus", nanoCpus, MIN_NANO_CPUS);
            atLeast("pidsLimit", pidsLimit, 1);
            if (wallTime.isNegative() || wallTime.isZero() || wallTime.compareTo(MAX_WALL_TIME) > 0) {
                throw new IllegalArgumentException(
                        "wallTime must be more than 0 and at most " + MAX_WALL_TIME + ", got " + wallTime);
            }
            if (tmpfsBytes != 0 && tmpfsBytes < MIN_TMPFS_BYTES) {
                throw new IllegalArgumentException(
                        "tmpfsBytes must be 0 (no /tmp) or at least " + MIN_TMPFS_BYTES + ", got " + tmpfsBytes);
            }
            checkUser(user);
            within("stdoutLimitBytes", stdoutLimitBytes, MAX_STDOUT_LIMIT_BYTES);
            within("stderrTailBytes", stderrTailBytes, MAX_STDERR_TAIL_BYTES);
            return new SandboxPolicy(this);
        }

        private static void atLeast(final String field, final long value, final long min) {
            if (value < min) {
                throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
            }
        }

        private static void within(final String field, final int value, final int max) {
            if (value < 0 || value > max) {
                throw new IllegalArgumentException(field + " must be between 0 and " + max + ", got " + value);
            }
        }

        private static void checkUser(final String user) {
            final Matcher matcher = NUMERIC_USER.matcher(user);
            if (!matcher.matches()) {
                throw new IllegalArgumentException(
                        "user must be a numeric uid:gid such as " + NOBODY + ", got '" + user + "'");
            }
            if (Long.parseLong(matcher.group(1)) == 0 || Long.parseLong(matcher.group(2)) == 0) {
                throw new IllegalArgumentException(
                        "user must not be root (uid or gid 0); use e.g. " + NOBODY + ", got '" + user + "'");
            }
        }
    }
}
