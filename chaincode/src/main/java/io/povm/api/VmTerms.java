// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The VM side of an SLA: what every VM that serves it promises. Integers only: CPU in millicores (1000 = one
 * core), memory and disk in MiB, wall time in seconds, the minimum score of the standard benchmark job in operations
 * per second, the price in whole credits per VM-second, and optionally how many processes a job may run ({@code
 * pidsLimit}, default {@value #DEFAULT_PIDS_LIMIT}; omitted from the JSON when not stated). The limits are checked by
 * {@link SlaSpecValidator}.
 *
 * <pre>{@code
 * {"cpuMillis":2000,"memoryMiB":2048,"diskMiB":10240,"maxWallSeconds":3600,"network":"none",
 *  "minBenchmarkOpsPerSec":50000,"pricePerVmSecond":10,"pidsLimit":128}
 * }</pre>
 */
@JsonPropertyOrder({
    "cpuMillis",
    "memoryMiB",
    "diskMiB",
    "maxWallSeconds",
    "network",
    "minBenchmarkOpsPerSec",
    "pricePerVmSecond",
    "pidsLimit"
})
public final class VmTerms {
    /** The only network policy accepted for now: the job's container has no network at all. */
    public static final String NETWORK_NONE = "none";

    /** Processes and threads a job may run when the SLA does not say: enough for a shell pipeline, not a fork bomb. */
    public static final int DEFAULT_PIDS_LIMIT = 64;

    @JsonProperty("cpuMillis")
    private final int cpuMillis;

    @JsonProperty("memoryMiB")
    private final int memoryMiB;

    @JsonProperty("diskMiB")
    private final int diskMiB;

    @JsonProperty("maxWallSeconds")
    private final int maxWallSeconds;

    @JsonProperty("network")
    private final String network;

    @JsonProperty("minBenchmarkOpsPerSec")
    private final long minBenchmarkOpsPerSec;

    @JsonProperty("pricePerVmSecond")
    private final long pricePerVmSecond;

    /** Null when the SLA does not state it: {@link #DEFAULT_PIDS_LIMIT} applies and the JSON omits it. */
    @JsonProperty("pidsLimit")
    private final Integer pidsLimit;

    private VmTerms(final Builder builder) {
        this.cpuMillis = builder.cpuMillis;
        this.memoryMiB = builder.memoryMiB;
        this.diskMiB = builder.diskMiB;
        this.maxWallSeconds = builder.maxWallSeconds;
        this.network = PovmException.requirePresent(builder.network, "vm.network", SlaSpecValidator.NETWORK_ACCEPTED);
        this.minBenchmarkOpsPerSec = builder.minBenchmarkOpsPerSec;
        this.pricePerVmSecond = builder.pricePerVmSecond;
        this.pidsLimit = builder.pidsLimit;
    }

    /** @return a builder whose network is {@value #NETWORK_NONE} and whose numbers are all 0 */
    public static Builder builder() {
        return new Builder();
    }

    @JsonCreator
    static VmTerms fromJson(
            @JsonProperty("cpuMillis") final Integer cpuMillis,
            @JsonProperty("memoryMiB") final Integer memoryMiB,
            @JsonProperty("diskMiB") final Integer diskMiB,
            @JsonProperty("maxWallSeconds") final Integer maxWallSeconds,
            @JsonProperty("network") final String network,
            @JsonProperty("minBenchmarkOpsPerSec") final Long minBenchmarkOpsPerSec,
            @JsonProperty("pricePerVmSecond") final Long pricePerVmSecond,
            @JsonProperty("pidsLimit") final Integer pidsLimit) {
        return builder()
                .cpuMillis(required(cpuMillis, "cpuMillis"))
                .memoryMiB(required(memoryMiB, "memoryMiB"))
                .diskMiB(required(diskMiB, "diskMiB"))
                .maxWallSeconds(required(maxWallSeconds, "maxWallSeconds"))
                .network(PovmException.requirePresent(network, "vm.network", SlaSpecValidator.NETWORK_ACCEPTED))
                .minBenchmarkOpsPerSec(required(minBenchmarkOpsPerSec, "minBenchmarkOpsPerSec"))
                .pricePerVmSecond(required(pricePerVmSecond, "pricePerVmSecond"))
                .pidsLimit(pidsLimit)
                .build();
    }

    private static <T extends Number> T required(final T value, final String name) {
        return PovmException.requirePresent(value, "vm." + name, SlaSpecValidator.accepted("vm." + name));
    }

    /** @return CPU in millicores (1000 = one core) */
    public int cpuMillis() {
        return cpuMillis;
    }

    public int memoryMiB() {
        return memoryMiB;
    }

    public int diskMiB() {
        return diskMiB;
    }

    /** @return the longest a job may run on the VM, in seconds */
    public int maxWallSeconds() {
        return maxWallSeconds;
    }

    /** @return the network policy; only {@value #NETWORK_NONE} is accepted for now */
    public String network() {
        return network;
    }

    /** @return the least score, in operations per second, a VM must reach on the standard benchmark job */
    public long minBenchmarkOpsPerSec() {
        return minBenchmarkOpsPerSec;
    }

    /** @return the price in whole credits per second of VM time */
    public long pricePerVmSecond() {
        return pricePerVmSecond;
    }

    /** @return the processes and threads a job may run at once: the stated limit or {@link #DEFAULT_PIDS_LIMIT} */
    public int pidsLimit() {
        return pidsLimit == null ? DEFAULT_PIDS_LIMIT : pidsLimit;
    }

    /** @return whether the SLA states its own {@code pidsLimit} */
    public boolean statesPidsLimit() {
        return pidsLimit != null;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof VmTerms)) {
            return false;
        }
        final VmTerms that = (VmTerms) other;
        return cpuMillis == that.cpuMillis
                && memoryMiB == that.memoryMiB
                && diskMiB == that.diskMiB
                && maxWallSeconds == that.maxWallSeconds
                && network.equals(that.network)
                && minBenchmarkOpsPerSec == that.minBenchmarkOpsPerSec
                && pricePerVmSecond == that.pricePerVmSecond
                && Objects.equals(pidsLimit, that.pidsLimit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                cpuMillis,
                memoryMiB,
                diskMiB,
                maxWallSeconds,
                network,
                minBenchmarkOpsPerSec,
                pricePerVmSecond,
                pidsLimit);
    }

    @Override
    public String toString() {
        return "VmTerms{cpuMillis=" + cpuMillis + ", memoryMiB=" + memoryMiB + ", diskMiB=" + diskMiB
                + ", maxWallSeconds=" + maxWallSeconds + ", network=" + network + ", minBenchmarkOpsPerSec="
                + minBenchmarkOpsPerSec + ", pricePerVmSecond=" + pricePerVmSecond
                + (pidsLimit == null ? "" : ", pidsLimit=" + pidsLimit) + "}";
    }

    /** Builds {@link VmTerms}; the limits are checked by {@link SlaSpecValidator}, not here. */
    public static final class Builder {
        private int cpuMillis;
        private int memoryMiB;
        private int diskMiB;
        private int maxWallSeconds;
        private String network = NETWORK_NONE;
        private long minBenchmarkOpsPerSec;
        private long pricePerVmSecond;
        private Integer pidsLimit;

        private Builder() {}

        /** @param value the processes a job may run, or null for {@link #DEFAULT_PIDS_LIMIT} (not stated) */
        public Builder pidsLimit(final Integer value) {
            this.pidsLimit = value;
            return this;
        }

        public Builder cpuMillis(final int value) {
            this.cpuMillis = value;
            return this;
        }

        public Builder memoryMiB(final int value) {
            this.memoryMiB = value;
            return this;
        }

        public Builder diskMiB(final int value) {
            this.diskMiB = value;
            return this;
        }

        public Builder maxWallSeconds(final int value) {
            this.maxWallSeconds = value;
            return this;
        }

        /** @throws NullPointerException on null */
        public Builder network(final String value) {
            this.network = Objects.requireNonNull(value, "network");
            return this;
        }

        public Builder minBenchmarkOpsPerSec(final long value) {
            this.minBenchmarkOpsPerSec = value;
            return this;
        }

        public Builder pricePerVmSecond(final long value) {
            this.pricePerVmSecond = value;
            return this;
        }

        public VmTerms build() {
            return new VmTerms(this);
        }
    }
}
