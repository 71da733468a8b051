// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The container configuration every worker must apply to a job of an SLA: the limits the SLA promises, in the units
 * the container engine takes. The worker builds its sandbox from {@link #forSla}; its attestation carries {@link
 * #hash()}, which the chaincode recomputes from the job's SLA, so a worker that ran with other limits cannot attest
 * the SLA's.
 *
 * <pre>{@code
 * {"nanoCpus":1000000000,"memoryBytes":268435456,"wallSeconds":60,"pidsLimit":64,"diskBytes":16777216,
 *  "stdoutLimitBytes":65536,"network":"none"}
 * }</pre>
 *
 * @param nanoCpus CPU quota in billionths of a core (the SLA's millicores x 10^6)
 * @param memoryBytes memory limit (the SLA's MiB x 2^20), swap included
 * @param wallSeconds wall-time limit
 * @param pidsLimit processes and threads the job may run at once (the SLA's {@code vm.pidsLimit}, default 64)
 * @param diskBytes what the job may write: the size of its writable {@code /tmp} tmpfs (the SLA's {@code
 *     vm.diskMiB} x 2^20; 0: nothing is writable). Its pages are memory, so they count towards {@code memoryBytes} too
 * @param stdoutLimitBytes standard output kept (the SLA's maximum output, capped at 64 MiB)
 * @param network the network policy; only {@code none}
 */
@JsonPropertyOrder({"nanoCpus", "memoryBytes", "wallSeconds", "pidsLimit", "diskBytes", "stdoutLimitBytes", "network"})
public record ContainerConfig(
        @JsonProperty("nanoCpus") long nanoCpus,
        @JsonProperty("memoryBytes") long memoryBytes,
        @JsonProperty("wallSeconds") long wallSeconds,
        @JsonProperty("pidsLimit") long pidsLimit,
        @JsonProperty("diskBytes") long diskBytes,
        @JsonProperty("stdoutLimitBytes") long stdoutLimitBytes,
        @JsonProperty("network") String network) {
    /**
     * The pids limit of an SLA that states none.
     *
     * @deprecated the limit is the SLA's {@code vm.pidsLimit}: use {@link VmTerms#pidsLimit()} or {@link
     *     #pidsLimit()}; kept so that code built against the fixed limit still compiles
     */
    @Deprecated
    public static final long PIDS_LIMIT = VmTerms.DEFAULT_PIDS_LIMIT;

    /** The most standard output any worker keeps. */
    public static final long MAX_STDOUT_BYTES = 64L * 1024 * 1024;

    /** @return the configuration for jobs of {@code sla} */
    public static ContainerConfig forSla(final SlaSpec sla) {
        final VmTerms vm = sla.vm();
        return new ContainerConfig(
                vm.cpuMillis() * 1_000_000L,
                vm.memoryMiB() * 1024L * 1024L,
                vm.maxWallSeconds(),
                vm.pidsLimit(),
                vm.diskMiB() * 1024L * 1024L,
                Math.min(sla.job().maxOutputBytes(), MAX_STDOUT_BYTES),
                vm.network());
    }

    /** @return hex SHA-256 of this configuration's canonical JSON */
    public String hash() {
        return Sha256.hex(Sha256.hash(PovmJson.writeBytes(this)));
    }
}
