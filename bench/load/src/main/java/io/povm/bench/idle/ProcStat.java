// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.idle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** CPU time of processes from {@code /proc/<pid>/stat} (utime + stime, all threads), in milliseconds. */
public final class ProcStat {
    /** USER_HZ: the kernel's clock ticks per second in /proc/<pid>/stat, 100 on every Linux port in use. */
    static final long TICKS_PER_SECOND = 100;

    private final Path proc;

    public ProcStat(final Path proc) {
        this.proc = proc;
    }

    /** @return the CPU milliseconds of {@code pid}, empty when it does not run (any more) */
    public Optional<Long> cpuMillis(final long pid) {
        try {
            return Optional.of(
                    parse(Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** utime and stime are fields 14 and 15; the command name (field 2) may hold spaces, so count after its ')'. */
    static long parse(final String stat) {
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        final long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** @return the pids of the processes whose command name ({@code /proc/<pid>/comm}) is {@code comm}, by name */
    public Map<String, Long> byCommand(final String... comms) {
        final Map<String, Long> found = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        try {
                            final String comm =
                                    Files.readString(p.resolve("comm")).strip();
                            for (String wanted : comms) {
                                if (wanted.equals(comm)) {
                                    found.putIfAbsent(
                                            comm, Long.parseLong(p.getFileName().toString()));
                                }
                            }
                        } catch (IOException e) {
                            // the process ended while we looked
                        }
                    });
        } catch (IOException e) {
            return found;
        }
        return found;
    }
}
