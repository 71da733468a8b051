// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;
import java.util.Optional;

/**
 * The terms of one version of a two-sided SLA (paper, Definition 2), as an org admin proposes them: its name and
 * version, what the VM promises ({@link VmTerms}) and what the customer's job must respect ({@link JobLimits}).
 * Immutable once proposed: other terms are a new version.
 *
 * <pre>{@code
 * {"name":"standard","version":1,
 *  "vm":{"cpuMillis":2000,"memoryMiB":2048,"diskMiB":10240,"maxWallSeconds":3600,"network":"none",
 *        "minBenchmarkOpsPerSec":50000,"pricePerVmSecond":10},
 *  "job":{"maxInputBytes":1048576,"maxOutputBytes":1048576}}
 * }</pre>
 *
 * <p>The constructor rejects missing fields by name; {@link SlaSpecValidator#validate(SlaSpec)} checks every rule.
 */
@JsonRootName("sla")
@JsonPropertyOrder({"name", "version", "vm", "job", "lease"})
public final class SlaSpec {
    @JsonProperty("name")
    private final String name;

    @JsonProperty("version")
    private final int version;

    @JsonProperty("vm")
    private final VmTerms vm;

    @JsonProperty("job")
    private final JobLimits job;

    /** Null when the proposal named no lease terms: {@link LeaseTerms#DEFAULT} apply, and the JSON omits them. */
    @JsonProperty("lease")
    private final LeaseTerms lease;

    public SlaSpec(final String name, final int version, final VmTerms vm, final JobLimits job) {
        this(name, version, vm, job, Optional.empty());
    }

    /** @param lease the lease terms, or empty for {@link LeaseTerms#DEFAULT} */
    public SlaSpec(
            final String name,
            final int version,
            final VmTerms vm,
            final JobLimits job,
            final Optional<LeaseTerms> lease) {
        this.name = PovmException.requirePresent(name, "name", SlaRef.NAME_ACCEPTED);
        this.version = version;
        this.vm = PovmException.requirePresent(vm, "vm", "an object of the VM's terms: " + SlaSpecValidator.VM_FIELDS);
        this.job = PovmException.requirePresent(
                job, "job", "an object of the job's limits: " + SlaSpecValidator.JOB_FIELDS);
        this.lease = lease.orElse(null);
    }

    @JsonCreator
    static SlaSpec fromJson(
            @JsonProperty("name") final String name,
            @JsonProperty("version") final Integer version,
            @JsonProperty("vm") final VmTerms vm,
            @JsonProperty("job") final JobLimits job,
            @JsonProperty("lease") final LeaseTerms lease) {
        return new SlaSpec(
                name,
                PovmException.requirePresent(version, "version", SlaRef.VERSION_ACCEPTED),
                vm,
                job,
                Optional.ofNullable(lease));
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    /** @return {@code name@version} */
    public SlaRef ref() {
        return SlaRef.of(name, version);
    }

    public VmTerms vm() {
        return vm;
    }

    public JobLimits job() {
        return job;
    }

    /** @return the lease terms, {@link LeaseTerms#DEFAULT} when the proposal named none */
    public LeaseTerms lease() {
        return lease == null ? LeaseTerms.DEFAULT : lease;
    }

    /** @return whether the proposal named its own lease terms */
    public boolean hasLeaseTerms() {
        return lease != null;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SlaSpec)) {
            return false;
        }
        final SlaSpec that = (SlaSpec) other;
        return version == that.version
                && name.equals(that.name)
                && vm.equals(that.vm)
                && job.equals(that.job)
                && Objects.equals(lease, that.lease);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, vm, job, lease);
    }

    @Override
    public String toString() {
        return "SlaSpec{" + name + "@" + version + ", vm=" + vm + ", job=" + job + ", lease=" + lease() + "}";
    }
}
