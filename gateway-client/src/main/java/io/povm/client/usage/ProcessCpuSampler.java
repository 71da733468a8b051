// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the CPU time of processes from Linux's {@code /proc/<pid>/stat}: utime + stime + cutime + cstime (fields 14
 * to 17, in clock ticks), the process's own time and that of the children it waited for, for processes named by pid
 * files such as the ones {@code network/network.sh} and {@code scripts/workers.sh} write to
 * {@code $POVM_RUN_DIR/pids}. A process that is gone, or whose stat cannot be read, is left out of a sample (the
 * latter with a warning), so that one process ending mid-read does not lose the others' figures.
 *
 * <pre>{@code
 * ProcessCpuSampler sampler = ProcessCpuSampler.system();
 * CpuSnapshot before = sampler.sample(ProcessCpuSampler.pidFiles(runDir.resolve("pids")));
 * }</pre>
 */
public final class ProcessCpuSampler {
    /** USER_HZ, the unit of {@code /proc/<pid>/stat} times: 100 on Linux for x86 and arm. */
    public static final long DEFAULT_CLOCK_TICKS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ProcessCpuSampler.class);
    private static final int UTIME_AFTER_COMM = 11;
    private static final int CSTIME_AFTER_COMM = 14;

    private final Path proc;
    private final long ticksPerSecond;

    /**
     * @param proc where {@code <pid>/stat} files are ({@code /proc})
     * @param ticksPerSecond the clock ticks per second of their times ({@code getconf CLK_TCK})
     */
    public ProcessCpuSampler(final Path proc, final long ticksPerSecond) {
        this.proc = Objects.requireNonNull(proc, "proc");
        if (ticksPerSecond < 1) {
            throw new IllegalArgumentException("ticksPerSecond is " + ticksPerSecond + "; must be 1 or more");
        }
        this.ticksPerSecond = ticksPerSecond;
    }

    /** @return a sampler of this machine's {@code /proc} with {@value #DEFAULT_CLOCK_TICKS} ticks per second */
    public static ProcessCpuSampler system() {
        return new ProcessCpuSampler(Path.of("/proc"), DEFAULT_CLOCK_TICKS);
    }

    /** @return each named process's CPU time now; processes that are gone are left out */
    public CpuSnapshot sample(final Map<String, Long> pids) {
        final Map<String, ProcessCpu> sampled = new TreeMap<>();
        pids.forEach((name, pid) -> cpuMillis(pid).ifPresent(millis -> sampled.put(name, new ProcessCpu(pid, millis))));
        return new CpuSnapshot(sampled);
    }

    /**
     * @return the process's user + system time and its waited-for children's, in milliseconds; empty when there is
     *     no such process or its stat cannot be read
     */
    public Optional<Long> cpuMillis(final long pid) {
        final Path stat = proc.resolve(Long.toString(pid)).resolve("stat");
        try {
            return Optional.of(cpuTicks(Files.readString(stat, StandardCharsets.UTF_8)) * 1000 / ticksPerSecond);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read the CPU time of pid {} from {}: {}", pid, stat, e.toString());
            return Optional.empty();
        }
    }

    /**
     * @param stat the text of a {@code /proc/<pid>/stat} file; its second field, the command name in parentheses,
     *     may itself hold spaces and parentheses, so fields are counted from the last ')'
     * @return utime + stime + cutime + cstime, in clock ticks
     * @throws IllegalArgumentException when the text is not in that format
     */
    static long cpuTicks(final String stat) {
        final int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat.strip());
        }
        final String[] fields = stat.substring(end + 1).strip().split("\\s+");
        if (fields.length <= CSTIME_AFTER_COMM) {
            throw new IllegalArgumentException(
                    "a /proc/<pid>/stat line with too few fields after the command name: " + stat.strip());
        }
        long ticks = 0;
        for (int field = UTIME_AFTER_COMM; field <= CSTIME_AFTER_COMM; field++) {
            ticks += Long.parseLong(fields[field]);
        }
        return ticks;
    }

    /**
     * @return by name (the file name without {@code .pid}), the pid in each {@code *.pid} file of {@code dir}; files
     *     that do not hold a number are skipped; empty when the directory does not exist
     */
    public static Map<String, Long> pidFiles(final Path dir) {
        final Map<String, Long> pids = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return pids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pid")) {
            for (final Path file : files) {
                final String name = file.getFileName().toString();
                pid(file).ifPresent(pid -> pids.put(name.substring(0, name.length() - ".pid".length()), pid));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pid files in " + dir, e);
        }
        return pids;
    }

    private static Optional<Long> pid(final Path file) throws IOException {
        try {
            final String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.matches("[0-9]{1,10}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
