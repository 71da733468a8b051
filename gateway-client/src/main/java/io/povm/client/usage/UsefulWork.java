package io.povm.client.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Useful work against protocol overhead over one stretch of time: the CPU time the workers attested for customer
 * jobs (the containers' own CPU, signed in each replica's attestation) against the CPU time the network's processes
 * (orderers, peers, chaincode servers) and the worker daemons used meanwhile, with the energy of each estimated as
 * CPU-seconds times an assumed power per busy core.
 *
 * <pre>{@code
 * ProcessCpuSampler sampler = ProcessCpuSampler.system();
 * CpuSnapshot before = sampler.sample(ProcessCpuSampler.pidFiles(pids));
 * // ... the jobs run ...
 * UsefulWork work = UsefulWork.of(attestedCpuMillis, before, sampler.sample(ProcessCpuSampler.pidFiles(pids)), 10);
 * work.usefulShare(); // e.g. 0.08
 * }</pre>
 *
 * @param usefulCpuMillis CPU time attested by the replicas
 * @param overheadCpuMillis CPU time of the protocol's processes, the sum of {@code overheadByProcess}
 * @param overheadByProcess CPU milliseconds by process name
 * @param wattsPerCore the assumed power of one fully busy core, in watts
 */
@JsonPropertyOrder({
    "usefulCpuMillis",
    "overheadCpuMillis",
    "usefulShare",
    "wattsPerCore",
    "usefulJoules",
    "overheadJoules",
    "overheadByProcess"
})
public record UsefulWork(
        @JsonProperty("usefulCpuMillis") long usefulCpuMillis,
        @JsonProperty("overheadCpuMillis") long overheadCpuMillis,
        @JsonProperty("overheadByProcess") Map<String, Long> overheadByProcess,
        @JsonProperty("wattsPerCore") double wattsPerCore) {
    /** The power per busy core assumed unless told otherwise: a modest server core under load. */
    public static final double DEFAULT_WATTS_PER_CORE = 10;

    public UsefulWork {
        if (usefulCpuMillis < 0 || overheadCpuMillis < 0) {
            throw new IllegalArgumentException(
                    "CPU times must be 0 or more; are " + usefulCpuMillis + " and " + overheadCpuMillis);
        }
        if (!(wattsPerCore > 0)) {
            throw new IllegalArgumentException("wattsPerCore is " + wattsPerCore + "; must be more than 0");
        }
        overheadByProcess = Map.copyOf(overheadByProcess);
    }

    /**
     * @param attestedCpuMillis the CPU milliseconds the replicas attested
     * @param before the protocol's processes when the stretch began
     * @param after the same processes when it ended
     * @param wattsPerCore the assumed power of one busy core
     * @return the useful work and the overhead of the processes of {@code after} since {@code before}
     */
    public static UsefulWork of(
            final long attestedCpuMillis,
            final CpuSnapshot before,
            final CpuSnapshot after,
            final double wattsPerCore) {
        final Map<String, Long> overhead = new TreeMap<>(after.cpuMillisSince(before));
        final long total = overhead.values().stream().mapToLong(Long::longValue).sum();
        return new UsefulWork(attestedCpuMillis, total, overhead, wattsPerCore);
    }

    /** @return useful CPU over useful plus overhead CPU; 0 when both are 0 */
    @JsonProperty("usefulShare")
    public double usefulShare() {
        final long all = usefulCpuMillis + overheadCpuMillis;
        return all == 0 ? 0 : (double) usefulCpuMillis / all;
    }

    /** @return the estimated energy of the useful work, in joules */
    @JsonProperty("usefulJoules")
    public double usefulJoules() {
        return joules(usefulCpuMillis);
    }

    /** @return the estimated energy of the overhead, in joules */
    @JsonProperty("overheadJoules")
    public double overheadJoules() {
        return joules(overheadCpuMillis);
    }

    private double joules(final long cpuMillis) {
        return cpuMillis / 1000.0 * wattsPerCore;
    }
}
