// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time of a set of named processes (e.g. {@code orderer1}, {@code org2-peer}, {@code worker-org3}) at one
 * moment; see {@link ProcessCpuSampler}.
 *
 * @param processes by name; a process that was not running is absent
 */
public record CpuSnapshot(Map<String, ProcessCpu> processes) {
    /** No process: a stretch measured from it counts every process with all its time since it started. */
    public static final CpuSnapshot NONE = new CpuSnapshot(Map.of());

    public CpuSnapshot {
        processes = Map.copyOf(processes);
    }

    /**
     * @return by name, the CPU milliseconds each process of this snapshot used since {@code before}; a process
     *     started since (absent before, or another pid under the same name) counts with all its time
     */
    public Map<String, Long> cpuMillisSince(final CpuSnapshot before) {
        final Map<String, Long> used = new TreeMap<>();
        processes.forEach((name, now) -> {
            final ProcessCpu then = before.processes().get(name);
            final boolean same = then != null && then.pid() == now.pid();
            used.put(name, same ? Math.max(0, now.cpuMillis() - then.cpuMillis()) : now.cpuMillis());
        });
        return used;
    }
}
