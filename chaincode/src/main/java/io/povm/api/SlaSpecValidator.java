// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The rules an {@link SlaSpec} must meet. The chaincode applies them on {@code sla:Propose}; clients apply the same
 * rules before sending anything.
 *
 * <pre>{@code
 * SlaSpec spec = SlaSpecValidator.validate(PovmJson.read(SlaSpecValidator.checkSize(text), SlaSpec.class));
 * }</pre>
 *
 * <p>Every number is a whole number within the bounds below; every violation is a {@link PovmException} with code
 * {@link ErrorCode#INVALID_ARGUMENT} naming the field ({@code vm.cpuMillis}, {@code job.maxInputBytes}, ...) and the
 * accepted range.
 *
 * <table>
 *   <caption>Accepted terms</caption>
 *   <tr><th>field</th><th>from</th><th>to</th></tr>
 *   <tr><td>vm.cpuMillis</td><td>100</td><td>64000 (64 cores)</td></tr>
 *   <tr><td>vm.memoryMiB</td><td>64</td><td>262144 (256 GiB)</td></tr>
 *   <tr><td>vm.diskMiB</td><td>0</td><td>1048576 (1 TiB)</td></tr>
 *   <tr><td>vm.maxWallSeconds</td><td>1</td><td>604800 (7 days)</td></tr>
 *   <tr><td>vm.network</td><td colspan="2">none</td></tr>
 *   <tr><td>vm.minBenchmarkOpsPerSec</td><td>0</td><td>10^12</td></tr>
 *   <tr><td>vm.pricePerVmSecond</td><td>0</td><td>10^9 credits</td></tr>
 *   <tr><td>vm.pidsLimit (optional, default 64)</td><td>1</td><td>32768</td></tr>
 *   <tr><td>job.maxInputBytes</td><td>0</td><td>2^40 (1 TiB)</td></tr>
 *   <tr><td>job.maxOutputBytes</td><td>1</td><td>2^40 (1 TiB)</td></tr>
 *   <tr><td>lease.startWindowSeconds (optional, default 60)</td><td>1</td><td>86400 (1 day)</td></tr>
 *   <tr><td>lease.finishMarginSeconds (optional, default 30)</td><td>0</td><td>86400 (1 day)</td></tr>
 *   <tr><td>lease.revealWindowSeconds (optional, default 60)</td><td>1</td><td>86400 (1 day)</td></tr>
 *   <tr><td>lease.challengeWindowSeconds (optional, default 60)</td><td>1</td><td>86400 (1 day)</td></tr>
 * </table>
 */
public final class SlaSpecValidator {
    /** Largest accepted proposal, in UTF-8 bytes of its JSON text. */
    public static final int MAX_SLA_BYTES = 8 * 1024;

    static final String VM_FIELDS =
            "cpuMillis, memoryMiB, diskMiB, maxWallSeconds, network, minBenchmarkOpsPerSec, pricePerVmSecond"
                    + ", pidsLimit (optional, default 64)";
    static final String JOB_FIELDS = "maxInputBytes, maxOutputBytes";
    static final String NETWORK_ACCEPTED =
            "accepted: " + VmTerms.NETWORK_NONE + " (the job's container has no network)";

    private static final long TIB = 1L << 40;

    private static final Map<String, Bound> BOUNDS = Map.ofEntries(
            Map.entry("lease.startWindowSeconds", new Bound(1, 86_400, "seconds", " (1 day)")),
            Map.entry("lease.finishMarginSeconds", new Bound(0, 86_400, "seconds", " (1 day)")),
            Map.entry("lease.revealWindowSeconds", new Bound(1, 86_400, "seconds", " (1 day)")),
            Map.entry("lease.challengeWindowSeconds", new Bound(1, 86_400, "seconds", " (1 day)")),
            Map.entry("vm.cpuMillis", new Bound(100, 64_000, "millicores", " (1000 = one core)")),
            Map.entry("vm.memoryMiB", new Bound(64, 262_144, "MiB", "")),
            Map.entry("vm.diskMiB", new Bound(0, 1_048_576, "MiB", "")),
            Map.entry("vm.maxWallSeconds", new Bound(1, 604_800, "seconds", " (7 days)")),
            Map.entry(
                    "vm.minBenchmarkOpsPerSec",
                    new Bound(0, 1_000_000_000_000L, "operations per second", " (0: no minimum)")),
            Map.entry("vm.pricePerVmSecond", new Bound(0, 1_000_000_000L, "credits per VM-second", "")),
            Map.entry("vm.pidsLimit", new Bound(1, 32_768, "processes and threads", " (default 64)")),
            Map.entry("job.maxInputBytes", new Bound(0, TIB, "bytes", " (1 TiB)")),
            Map.entry("job.maxOutputBytes", new Bound(1, TIB, "bytes", " (1 TiB)")));

    private SlaSpecValidator() {}

    /**
     * @return the same spec, when it meets every rule
     * @throws PovmException INVALID_ARGUMENT naming the first field that breaks a rule
     */
    public static SlaSpec validate(final SlaSpec spec) {
        PovmException.requirePresent(spec, "sla", "an SLA proposal");
        SlaRef.checkName(spec.name(), "name");
        SlaRef.checkVersion(spec.version(), "version");
        final VmTerms vm = spec.vm();
        check("vm.cpuMillis", vm.cpuMillis());
        check("vm.memoryMiB", vm.memoryMiB());
        check("vm.diskMiB", vm.diskMiB());
        check("vm.maxWallSeconds", vm.maxWallSeconds());
        if (vm.statesPidsLimit()) {
            check("vm.pidsLimit", vm.pidsLimit());
        }
        if (!VmTerms.NETWORK_NONE.equals(vm.network())) {
            throw PovmException.invalid(
                    "vm.network", Quote.prefix(vm.network()) + " is not supported; " + NETWORK_ACCEPTED);
        }
        check("vm.minBenchmarkOpsPerSec", vm.minBenchmarkOpsPerSec());
        check("vm.pricePerVmSecond", vm.pricePerVmSecond());
        check("job.maxInputBytes", spec.job().maxInputBytes());
        check("job.maxOutputBytes", spec.job().maxOutputBytes());
        check("lease.startWindowSeconds", spec.lease().startWindowSeconds());
        check("lease.finishMarginSeconds", spec.lease().finishMarginSeconds());
        check("lease.revealWindowSeconds", spec.lease().revealWindowSeconds());
        check("lease.challengeWindowSeconds", spec.lease().challengeWindowSeconds());
        return spec;
    }

    /**
     * Checks the size of a proposal's JSON text before it is parsed.
     *
     * @throws PovmException INVALID_ARGUMENT [sla] when missing or larger than {@value #MAX_SLA_BYTES} bytes
     */
    public static String checkSize(final String slaJson) {
        PovmException.requirePresent(slaJson, "sla", "a JSON object");
        final int bytes = slaJson.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SLA_BYTES) {
            throw PovmException.invalid(
                    "sla", "is " + bytes + " bytes; at most " + MAX_SLA_BYTES + " bytes (8 KiB) accepted");
        }
        return slaJson;
    }

    /**
     * Checks that a job asks for no more than an SLA offers: resources within its {@link VmTerms}, inputs within its
     * {@link JobLimits}.
     *
     * @param field the prefix of the fields named in errors, e.g. {@code resources}
     * @throws PovmException INVALID_ARGUMENT [field.cpuMillis] (or memoryMiB, diskMiB, wallSeconds, inputBytes)
     *     naming what the SLA offers
     */
    public static void requireAdmits(final SlaSpec sla, final JobDemand demand, final String field) {
        final VmTerms vm = sla.vm();
        within(sla, field + ".cpuMillis", demand.cpuMillis(), vm.cpuMillis(), "millicores");
        within(sla, field + ".memoryMiB", demand.memoryMiB(), vm.memoryMiB(), "MiB of memory");
        within(sla, field + ".diskMiB", demand.diskMiB(), vm.diskMiB(), "MiB of disk");
        within(sla, field + ".wallSeconds", demand.wallSeconds(), vm.maxWallSeconds(), "seconds of wall time");
        within(sla, field + ".inputBytes", demand.inputBytes(), sla.job().maxInputBytes(), "bytes of input");
    }

    /** @return what a numeric field accepts, e.g. "a whole number of MiB from 64 to 262144" */
    static String accepted(final String field) {
        final Bound bound = BOUNDS.get(field);
        return bound == null ? "a whole number" : bound.accepted();
    }

    private static void check(final String field, final long value) {
        final Bound bound = BOUNDS.get(field);
        if (value < bound.min || value > bound.max) {
            throw PovmException.invalid(field, "is " + value + "; must be " + bound.accepted());
        }
    }

    private static void within(
            final SlaSpec sla, final String field, final long asked, final long offered, final String unit) {
        if (asked < 0 || asked > offered) {
            throw PovmException.invalid(
                    field,
                    "asks for " + asked + " " + unit + "; SLA " + sla.ref() + " allows 0 to " + offered + " " + unit);
        }
    }

    private static final class Bound {
        private final long min;
        private final long max;
        private final String unit;
        private final String note;

        private Bound(final long min, final long max, final String unit, final String note) {
            this.min = min;
            this.max = max;
            this.unit = unit;
            this.note = note;
        }

        private String accepted() {
            return "a whole number of " + unit + " from " + min + " to " + max + note;
        }
    }
}
