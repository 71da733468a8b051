// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.idle;

import io.povm.client.usage.ProcessCpuSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * At one moment: the CPU milliseconds of every process the run directory records (orderers, peers, chaincode
 * servers, worker daemons) and of dockerd and containerd, and the bytes under each node's data directory.
 */
public record IdleSnapshot(long nanoTime, Map<String, Long> cpuMillis, Map<String, Long> dataBytes) {
    public static IdleSnapshot take(final Path runDir, final Path proc) {
        return new IdleSnapshot(System.nanoTime(), cpuMillis(runDir, proc), dataBytes(runDir.resolve("data")));
    }

    /** @return the CPU milliseconds so far of every recorded process and of dockerd and containerd, by name */
    public static Map<String, Long> cpuMillis(final Path runDir, final Path proc) {
        final Map<String, Long> cpu = new TreeMap<>();
        new ProcessCpuSampler(proc, ProcessCpuSampler.DEFAULT_CLOCK_TICKS)
                .sample(ProcessCpuSampler.pidFiles(runDir.resolve("pids")))
                .processes()
                .forEach((name, process) -> cpu.put(name, process.cpuMillis()));
        final ProcStat stat = new ProcStat(proc);
        stat.byCommand("dockerd", "containerd")
                .forEach((comm, pid) -> stat.cpuMillis(pid).ifPresent(ms -> cpu.put(comm, ms)));
        return cpu;
    }

    private static Map<String, Long> dataBytes(final Path data) {
        final Map<String, Long> bytes = new TreeMap<>();
        if (!Files.isDirectory(data)) {
            return bytes;
        }
        try (Stream<Path> nodes = Files.list(data)) {
            nodes.filter(Files::isDirectory)
                    .forEach(node -> bytes.put(node.getFileName().toString(), size(node)));
        } catch (IOException e) {
            return bytes;
        }
        return bytes;
    }

    private static long size(final Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
