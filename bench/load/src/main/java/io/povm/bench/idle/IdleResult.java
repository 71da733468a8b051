// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.idle;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an idle network cost between two snapshots, per minute: CPU-seconds of each process and of each group, and
 * ledger bytes written under each node's data directory. The baseline is Fabric's own nodes (orderers and peers): the
 * ratio is what povm adds on top of them (its chaincode servers and worker daemons) divided by their cost.
 */
public record IdleResult(
        String scenario,
        double seconds,
        Map<String, Double> cpuSecondsPerMinute,
        Map<ProcessGroup, Double> groupCpuSecondsPerMinute,
        double povmCpuSecondsPerMinute,
        double fabricCpuSecondsPerMinute,
        double povmOverFabric,
        double shareOfOneCore,
        Map<String, Long> ledgerBytesPerMinute) {

    public static IdleResult between(final IdleSnapshot start, final IdleSnapshot end) {
        final double seconds = (end.nanoTime() - start.nanoTime()) / 1e9;
        final double perMinute = 60.0 / seconds;
        final Map<String, Double> cpu = new TreeMap<>();
        final Map<ProcessGroup, Double> groups = new EnumMap<>(ProcessGroup.class);
        end.cpuMillis().forEach((name, ms) -> {
            final Long before = start.cpuMillis().get(name);
            if (before != null) {
                final double value = round((ms - before) / 1000.0 * perMinute);
                cpu.put(name, value);
                groups.merge(ProcessGroup.of(name), value, Double::sum);
            }
        });
        groups.replaceAll((group, value) -> round(value));
        final Map<String, Long> ledger = new TreeMap<>();
        end.dataBytes()
                .forEach((node, bytes) -> ledger.put(
                        node, Math.round((bytes - start.dataBytes().getOrDefault(node, bytes)) * perMinute)));
        final double fabric = groups.getOrDefault(ProcessGroup.FABRIC, 0.0);
        final double povm = round(
                groups.getOrDefault(ProcessGroup.POVM_CHAINCODE, 0.0) + groups.getOrDefault(ProcessGroup.DAEMONS, 0.0));
        final double system = fabric + povm;
        return new IdleResult(
                "P8",
                round(seconds),
                cpu,
                groups,
                povm,
                fabric,
                fabric > 0 ? round(povm / fabric) : 0,
                round(system / 60.0),
                ledger);
    }

    private static double round(final double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
