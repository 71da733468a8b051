// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static io.povm.api.Slas.edited;
import static io.povm.api.Slas.job;
import static io.povm.api.Slas.vm;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every SLA rule broken once: (what is wrong, the proposal JSON, the field the error must name). Used against the
 * validator alone and against the contract, which must write nothing for any of them.
 */
public final class InvalidSlaSpecs {
    private InvalidSlaSpecs() {}

    public static Stream<Arguments> rules() {
        return Stream.of(refRules(), vmRules(), jobRules(), shapeRules()).flatMap(s -> s);
    }

    private static Stream<Arguments> refRules() {
        return Stream.of(
                arguments("missing name", edited(s -> s.remove("name")), "name"),
                arguments("uppercase name", edited(s -> s.put("name", "Standard")), "name"),
                arguments("name starting with a dash", edited(s -> s.put("name", "-std")), "name"),
                arguments("name of 33 chars", edited(s -> s.put("name", "a".repeat(33))), "name"),
                arguments("name with an at sign", edited(s -> s.put("name", "std@1")), "name"),
                arguments("missing version", edited(s -> s.remove("version")), "version"),
                arguments("version 0", edited(s -> s.put("version", 0)), "version"),
                arguments("negative version", edited(s -> s.put("version", -1)), "version"),
                arguments("version 1000000", edited(s -> s.put("version", 1_000_000)), "version"),
                arguments("version in quotes", edited(s -> s.put("version", "1")), "version"),
                arguments("fractional version", edited(s -> s.put("version", 1.5)), "version"));
    }

    private static Stream<Arguments> vmRules() {
        return Stream.of(
                arguments("missing vm", edited(s -> s.remove("vm")), "vm"),
                arguments("missing cpuMillis", edited(s -> vm(s).remove("cpuMillis")), "vm.cpuMillis"),
                arguments("cpuMillis 99", edited(s -> vm(s).put("cpuMillis", 99)), "vm.cpuMillis"),
                arguments("cpuMillis 64001", edited(s -> vm(s).put("cpuMillis", 64_001)), "vm.cpuMillis"),
                arguments("fractional cpu", edited(s -> vm(s).put("cpuMillis", 1.5)), "vm.cpuMillis"),
                arguments("cpu in quotes", edited(s -> vm(s).put("cpuMillis", "2000")), "vm.cpuMillis"),
                arguments("memoryMiB 63", edited(s -> vm(s).put("memoryMiB", 63)), "vm.memoryMiB"),
                arguments("memoryMiB 262145", edited(s -> vm(s).put("memoryMiB", 262_145)), "vm.memoryMiB"),
                arguments("negative diskMiB", edited(s -> vm(s).put("diskMiB", -1)), "vm.diskMiB"),
                arguments("diskMiB 1048577", edited(s -> vm(s).put("diskMiB", 1_048_577)), "vm.diskMiB"),
                arguments("maxWallSeconds 0", edited(s -> vm(s).put("maxWallSeconds", 0)), "vm.maxWallSeconds"),
                arguments(
                        "maxWallSeconds over 7 days",
                        edited(s -> vm(s).put("maxWallSeconds", 604_801)),
                        "vm.maxWallSeconds"),
                arguments("missing network", edited(s -> vm(s).remove("network")), "vm.network"),
                arguments("network bridge", edited(s -> vm(s).put("network", "bridge")), "vm.network"),
                arguments("network None", edited(s -> vm(s).put("network", "None")), "vm.network"),
                arguments(
                        "negative benchmark score",
                        edited(s -> vm(s).put("minBenchmarkOpsPerSec", -1)),
                        "vm.minBenchmarkOpsPerSec"),
                arguments(
                        "benchmark score over 10^12",
                        edited(s -> vm(s).put("minBenchmarkOpsPerSec", 1_000_000_000_001L)),
                        "vm.minBenchmarkOpsPerSec"),
                arguments("negative price", edited(s -> vm(s).put("pricePerVmSecond", -1)), "vm.pricePerVmSecond"),
                arguments(
                        "price over 10^9",
                        edited(s -> vm(s).put("pricePerVmSecond", 1_000_000_001L)),
                        "vm.pricePerVmSecond"),
                arguments("fractional price", edited(s -> vm(s).put("pricePerVmSecond", 0.5)), "vm.pricePerVmSecond"),
                arguments("unknown vm term", edited(s -> vm(s).put("gpus", 1)), "vm.gpus"));
    }

    private static Stream<Arguments> jobRules() {
        return Stream.of(
                arguments("missing job", edited(s -> s.remove("job")), "job"),
                arguments("missing maxInputBytes", edited(s -> job(s).remove("maxInputBytes")), "job.maxInputBytes"),
                arguments("negative maxInputBytes", edited(s -> job(s).put("maxInputBytes", -1)), "job.maxInputBytes"),
                arguments(
                        "maxInputBytes over 1 TiB",
                        edited(s -> job(s).put("maxInputBytes", (1L << 40) + 1)),
                        "job.maxInputBytes"),
                arguments("maxOutputBytes 0", edited(s -> job(s).put("maxOutputBytes", 0)), "job.maxOutputBytes"),
                arguments(
                        "maxOutputBytes beyond a long",
                        edited(s -> job(s).put("maxOutputBytes", new java.math.BigInteger("99999999999999999999"))),
                        "job.maxOutputBytes"));
    }

    private static Stream<Arguments> shapeRules() {
        return Stream.of(
                arguments("unknown field", edited(s -> s.put("priority", 1)), "priority"),
                arguments("vm as an array", edited(s -> s.putArray("vm")), "vm"),
                arguments("not an object", "[]", "sla"),
                arguments("not json", "standard@1", "sla"),
                arguments("empty text", "", "sla"),
                arguments("duplicate key", Slas.VALID_JSON.replace("{\"name\"", "{\"name\":\"x\",\"name\""), "sla"),
                arguments("trailing content", Slas.VALID_JSON + "{}", "sla"));
    }
}
