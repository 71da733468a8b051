// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.Job;
import io.povm.api.ReplicaResult;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The useful-work figure: CPU time spent in customers' jobs against the protocol's overhead, with the energy and CO₂
 * of each from an {@link EnergyModel}. {@code povm job sweep} measures it over the sweep and the dashboard
 * ({@link UsefulWorkMeter}) over everything on the ledger; both count the same way.
 *
 * <p>Useful work is the CPU time the workers attested for every replica that reported a result
 * ({@link #attestedCpuMillis(Job)}: all replicas count, the redundancy is the price of not trusting one worker; each
 * container's exact CPU time, read from its cgroup when it exited). Overhead is the CPU time of the network's
 * processes (orderers, peers, chaincode servers) and the worker daemons, as {@link ProcessCpuSampler} reads it.
 * Docker's own daemons, the client and the machine's other processes are not counted. For comparison, hashcash proof
 * of work has a useful share of 0: all its energy goes into the puzzle.
 *
 * <pre>{@code
 * ProcessCpuSampler sampler = ProcessCpuSampler.system();
 * CpuSnapshot before = sampler.sample(ProcessCpuSampler.pidFiles(pids));
 * // ... the jobs run ...
 * UsefulWork work = UsefulWork.of(attestedCpuMillis, before, sampler.sample(ProcessCpuSampler.pidFiles(pids)),
 *         EnergyModel.DEFAULT);
 * work.usefulShare(); // e.g. 0.08
 * }</pre>
 *
 * @param usefulCpuMillis CPU time attested by the replicas
 * @param overheadCpuMillis CPU time of the protocol's processes, the sum of {@code overheadByProcess}
 * @param overheadByProcess CPU milliseconds by process name
 * @param energyModel how CPU time becomes energy and CO₂
 */
@JsonPropertyOrder({
    "usefulCpuMillis",
    "overheadCpuMillis",
    "usefulShare",
    "usefulJoules",
    "overheadJoules",
    "usefulGramsCo2",
    "overheadGramsCo2",
    "energyModel",
    "overheadByProcess"
})
public record UsefulWork(
        @JsonProperty("usefulCpuMillis") long usefulCpuMillis,
        @JsonProperty("overheadCpuMillis") long overheadCpuMillis,
        @JsonProperty("overheadByProcess") Map<String, Long> overheadByProcess,
        @JsonProperty("energyModel") EnergyModel energyModel) {
    public UsefulWork {
        if (usefulCpuMillis < 0 || overheadCpuMillis < 0) {
            throw new IllegalArgumentException(
                    "CPU times must be 0 or more; are " + usefulCpuMillis + " and " + overheadCpuMillis);
        }
        overheadByProcess = Map.copyOf(overheadByProcess);
        Objects.requireNonNull(energyModel, "energyModel");
    }

    /**
     * @param attestedCpuMillis the CPU milliseconds the replicas attested
     * @param before the protocol's processes when the stretch began ({@link CpuSnapshot#NONE}: since they started)
     * @param after the same processes when it ended
     * @param energyModel how CPU time becomes energy and CO₂
     * @return the useful work and the overhead of the processes of {@code after} since {@code before}
     */
    public static UsefulWork of(
            final long attestedCpuMillis,
            final CpuSnapshot before,
            final CpuSnapshot after,
            final EnergyModel energyModel) {
        final Map<String, Long> overhead = new TreeMap<>(after.cpuMillisSince(before));
        final long total = overhead.values().stream().mapToLong(Long::longValue).sum();
        return new UsefulWork(attestedCpuMillis, total, overhead, energyModel);
    }

    /** @return the CPU time attested for {@code job}: the sum over every replica that reported a result */
    public static long attestedCpuMillis(final Job job) {
        return job.replicas().stream()
                .flatMap(replica -> replica.result().stream())
                .mapToLong(ReplicaResult::cpuMillis)
                .sum();
    }

    /** @return useful plus overhead CPU time */
    public long systemCpuMillis() {
        return usefulCpuMillis + overheadCpuMillis;
    }

    /** @return useful CPU over useful plus overhead CPU, from 0 to 1; 0 when both are 0 */
    @JsonProperty("usefulShare")
    public double usefulShare() {
        final long all = systemCpuMillis();
        return all == 0 ? 0 : (double) usefulCpuMillis / all;
    }

    /** @return the estimated energy of the useful work, in joules */
    @JsonProperty("usefulJoules")
    public double usefulJoules() {
        return energyModel.joules(usefulCpuMillis);
    }

    /** @return the estimated energy of the overhead, in joules */
    @JsonProperty("overheadJoules")
    public double overheadJoules() {
        return energyModel.joules(overheadCpuMillis);
    }

    /** @return the estimated CO₂ of the useful work, in grams */
    @JsonProperty("usefulGramsCo2")
    public double usefulGramsCo2() {
        return energyModel.gramsCo2(usefulCpuMillis);
    }

    /** @return the estimated CO₂ of the overhead, in grams */
    @JsonProperty("overheadGramsCo2")
    public double overheadGramsCo2() {
        return energyModel.gramsCo2(overheadCpuMillis);
    }
}
