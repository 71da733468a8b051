package io.povm.client.usefulwork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the CPU time of the processes a povm run directory records in {@code pids/*.pid}: the network's orderers,
 * peers and chaincode servers ({@code network/network.sh}) and the worker daemons ({@code scripts/workers.sh}). The
 * time comes from {@code /proc/<pid>/stat}: utime + stime + cutime + cstime, in the kernel's USER_HZ ticks (100 per
 * second on Linux). A pid file whose process is gone is skipped.
 */
public final class ProcessCpuReader {
    /** Linux reports process times in USER_HZ, which is 100 on every architecture the JDK runs on. */
    static final long TICKS_PER_SECOND = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ProcessCpuReader.class);
    private static final int UTIME = 11;
    private static final int CSTIME = 14;

    private final Path pidDir;
    private final Path proc;

    /**
     * @param pidDir the directory of pid files, {@code $POVM_RUN_DIR/pids}
     * @param proc the proc file system, {@code /proc} except in tests
     */
    public ProcessCpuReader(final Path pidDir, final Path proc) {
        this.pidDir = Objects.requireNonNull(pidDir, "pidDir");
        this.proc = Objects.requireNonNull(proc, "proc");
    }

    /** @return a reader of {@code runDir/pids} against {@code /proc} */
    public static ProcessCpuReader forRunDir(final Path runDir) {
        return new ProcessCpuReader(runDir.resolve("pids"), Path.of("/proc"));
    }

    /** @return the CPU time of every recorded process that still runs, in pid file name order */
    public List<ProcessCpu> read() {
        final List<ProcessCpu> processes = new ArrayList<>();
        if (!Files.isDirectory(pidDir)) {
            return processes;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pidDir, "*.pid")) {
            for (final Path file : files) {
                pid(file).flatMap(pid -> cpu(name(file), pid)).ifPresent(processes::add);
            }
        } catch (IOException e) {
            LOG.warn("cannot list the pid files in {}: {}", pidDir, e.toString());
        }
        processes.sort((a, b) -> a.name().compareTo(b.name()));
        return processes;
    }

    private static String name(final Path pidFile) {
        final String file = pidFile.getFileName().toString();
        return file.substring(0, file.length() - ".pid".length());
    }

    private static Optional<Long> pid(final Path file) {
        try {
            return Optional.of(Long.parseLong(
                    Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            LOG.debug("skipping pid file {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private Optional<ProcessCpu> cpu(final String name, final long pid) {
        final Path stat = proc.resolve(Long.toString(pid)).resolve("stat");
        try {
            return Optional.of(new ProcessCpu(name, pid, cpuMillis(Files.readString(stat, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            LOG.warn("cannot read the CPU time of {} (pid {}) from {}: {}", name, pid, stat, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * @param stat the text of {@code /proc/<pid>/stat}
     * @return utime + stime + cutime + cstime in milliseconds
     * @throws IllegalArgumentException when the text is not in that format
     */
    static long cpuMillis(final String stat) {
        // the command name (field 2) is in parentheses and may hold spaces: split after its closing one
        final int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("no command name in parentheses");
        }
        final String[] fields = stat.substring(end + 1).trim().split("\\s+");
        if (fields.length <= CSTIME) {
            throw new IllegalArgumentException("only " + fields.length + " fields after the command name");
        }
        long ticks = 0;
        for (int i = UTIME; i <= CSTIME; i++) {
            ticks += Long.parseLong(fields[i]);
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}
