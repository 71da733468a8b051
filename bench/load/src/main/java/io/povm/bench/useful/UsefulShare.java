// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.useful;

import io.povm.bench.idle.ProcessGroup;
import java.util.Map;
import java.util.TreeMap;

/**
 * P4's figure for one setting: the CPU-seconds the job containers used (the workers' attested cgroup CPU, summed over
 * every revealed replica) against the CPU-seconds of the whole system in the same window, the containers plus every
 * process of the network (orderers, peers, chaincode servers, worker daemons), dockerd and containerd, and the client
 * that submitted and watched the jobs.
 *
 * @param setting the setting's name, e.g. {@code 10s-k3}
 * @param seconds the CPU-seconds each job was chosen to need
 * @param redundancy {@code k1}, {@code k3}, {@code a3}
 * @param jobs jobs submitted
 * @param decided jobs that reached a verdict (or failed, expired) within the window
 * @param replicas revealed replicas whose attestations were counted
 * @param states how many jobs ended in each state
 * @param wallSeconds from the submission until the last job was decided (or the timeout)
 * @param usefulCpuSeconds CPU-seconds inside the job containers, attested
 * @param overheadCpuSeconds CPU-seconds of every other process of the system in the window
 * @param overheadByGroup that, by part of the system ({@link ProcessGroup}, the client as {@code CLIENT})
 * @param usefulShare useful ÷ (useful + overhead), 0 to 1
 * @param usefulCpuSecondsPerReplica the attested CPU of a replica on average
 * @param protocolCpuSecondsPerJob overhead ÷ decided jobs: what the protocol cost per job, idle cost included
 * @param flipsPerCpuSecond the image's rate the jobs' flips were chosen with (calibrated or given)
 */
public record UsefulShare(
        String setting,
        double seconds,
        String redundancy,
        int jobs,
        int decided,
        int replicas,
        Map<String, Integer> states,
        double wallSeconds,
        double usefulCpuSeconds,
        double overheadCpuSeconds,
        Map<String, Double> overheadByGroup,
        double usefulShare,
        double usefulCpuSecondsPerReplica,
        double protocolCpuSecondsPerJob,
        long flipsPerCpuSecond) {

    /**
     * @param attestedCpuMillis the sum of the counted replicas' attested CPU
     * @param start the CPU milliseconds of each process (by name, the client as {@code client}) at the submission
     * @param end the same when the window closed; a process missing at either end is left out
     */
    public static UsefulShare of(
            final UsefulSetting setting,
            final Map<String, Integer> states,
            final int decided,
            final int replicas,
            final long attestedCpuMillis,
            final Map<String, Long> start,
            final Map<String, Long> end,
            final double wallSeconds,
            final long flipsPerCpuSecond) {
        final Map<String, Double> groups = new TreeMap<>();
        long overheadMillis = 0;
        for (Map.Entry<String, Long> e : end.entrySet()) {
            final Long before = start.get(e.getKey());
            if (before != null && e.getValue() >= before) {
                final long used = e.getValue() - before;
                overheadMillis += used;
                groups.merge(group(e.getKey()), used / 1000.0, Double::sum);
            }
        }
        groups.replaceAll((group, value) -> round(value));
        final double useful = attestedCpuMillis / 1000.0;
        final double overhead = overheadMillis / 1000.0;
        return new UsefulShare(
                setting.name(),
                setting.seconds(),
                setting.redundancy(),
                setting.jobs(),
                decided,
                replicas,
                new TreeMap<>(states),
                round(wallSeconds),
                round(useful),
                round(overhead),
                groups,
                useful + overhead > 0 ? round(useful / (useful + overhead)) : 0,
                replicas > 0 ? round(useful / replicas) : 0,
                decided > 0 ? round(overhead / decided) : 0,
                flipsPerCpuSecond);
    }

    static String group(final String process) {
        return process.equals(UsefulCommand.CLIENT)
                ? "CLIENT"
                : ProcessGroup.of(process).name();
    }

    private static double round(final double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
