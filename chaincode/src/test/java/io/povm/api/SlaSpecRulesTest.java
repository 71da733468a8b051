// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SlaSpecRulesTest {

    private static SlaSpec readAndValidate(final String json) {
        return SlaSpecValidator.validate(PovmJson.read(SlaSpecValidator.checkSize(json), SlaSpec.class));
    }

    private static PovmError rejection(final Runnable call) {
        final PovmException e = catchThrowableOfType(PovmException.class, call::run);
        assertThat(e).as("rejected").isNotNull();
        return e.error();
    }

    @Test
    void accepts_the_documented_example_and_writes_it_back_byte_for_byte() {
        final SlaSpec spec = readAndValidate(Slas.VALID_JSON);

        assertThat(spec).isEqualTo(Slas.spec());
        assertThat(spec.ref()).hasToString("standard@1");
        assertThat(PovmJson.write(spec)).isEqualTo(Slas.VALID_JSON);
    }

    @Test
    void accepts_every_bound_itself() {
        final String lowest = Slas.edited(s -> {
            s.put("name", "a");
            s.put("version", 1);
            Slas.vm(s)
                    .put("cpuMillis", 100)
                    .put("memoryMiB", 64)
                    .put("diskMiB", 0)
                    .put("maxWallSeconds", 1);
            Slas.vm(s).put("minBenchmarkOpsPerSec", 0).put("pricePerVmSecond", 0);
            Slas.job(s).put("maxInputBytes", 0).put("maxOutputBytes", 1);
        });
        final String highest = Slas.edited(s -> {
            s.put("name", "z" + "-".repeat(31));
            s.put("version", 999_999);
            Slas.vm(s).put("cpuMillis", 64_000).put("memoryMiB", 262_144).put("diskMiB", 1_048_576);
            Slas.vm(s).put("maxWallSeconds", 604_800).put("minBenchmarkOpsPerSec", 1_000_000_000_000L);
            Slas.vm(s).put("pricePerVmSecond", 1_000_000_000L);
            Slas.job(s).put("maxInputBytes", 1L << 40).put("maxOutputBytes", 1L << 40);
        });

        assertThatCode(() -> readAndValidate(lowest)).doesNotThrowAnyException();
        assertThat(readAndValidate(highest).job().maxInputBytes()).isEqualTo(1L << 40);
    }

    @ParameterizedTest(name = "{0} is rejected at [{2}]")
    @MethodSource("io.povm.api.InvalidSlaSpecs#rules")
    void rejects_each_broken_rule_naming_the_field(final String what, final String json, final String field) {
        final PovmError error = rejection(() -> readAndValidate(json));

        assertThat(error.code()).as(what).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).as(what).isEqualTo(field);
    }

    @Test
    void says_what_a_number_out_of_bounds_must_be() {
        final PovmError error =
                rejection(() -> readAndValidate(Slas.edited(s -> Slas.vm(s).put("cpuMillis", 50))));

        assertThat(error.toMessage())
                .isEqualTo("INVALID_ARGUMENT [vm.cpuMillis] is 50; must be a whole number of millicores from 100 to"
                        + " 64000 (1000 = one core)");
    }

    @Test
    void names_the_only_network_policy_accepted() {
        final PovmError error =
                rejection(() -> readAndValidate(Slas.edited(s -> Slas.vm(s).put("network", "host"))));

        assertThat(error.toMessage())
                .isEqualTo("INVALID_ARGUMENT [vm.network] 'host' is not supported; accepted: none (the job's container"
                        + " has no network)");
    }

    @Test
    void says_what_a_missing_term_accepts() {
        final PovmError error =
                rejection(() -> readAndValidate(Slas.edited(s -> Slas.vm(s).remove("memoryMiB"))));

        assertThat(error.toMessage())
                .isEqualTo("INVALID_ARGUMENT [vm.memoryMiB] required; a whole number of MiB from 64 to 262144");
    }

    @Test
    void lists_the_accepted_terms_when_one_is_unknown() {
        final PovmError error =
                rejection(() -> readAndValidate(Slas.edited(s -> Slas.vm(s).put("gpus", 1))));

        assertThat(error.reason())
                .isEqualTo("unknown field; accepted: cpuMillis, memoryMiB, diskMiB, maxWallSeconds, network,"
                        + " minBenchmarkOpsPerSec, pricePerVmSecond, pidsLimit");
    }

    @Test
    void an_optional_pids_limit_is_kept_checked_and_omitted_when_not_stated() {
        final SlaSpec stated = readAndValidate(Slas.edited(s -> Slas.vm(s).put("pidsLimit", 200)));
        assertThat(stated.vm().pidsLimit()).isEqualTo(200);
        assertThat(PovmJson.write(stated)).contains("\"pidsLimit\":200");

        final SlaSpec unstated = readAndValidate(Slas.edited(s -> {}));
        assertThat(unstated.vm().pidsLimit()).isEqualTo(VmTerms.DEFAULT_PIDS_LIMIT);
        assertThat(PovmJson.write(unstated)).doesNotContain("pidsLimit");

        assertThat(rejection(() -> readAndValidate(Slas.edited(s -> Slas.vm(s).put("pidsLimit", 0))))
                        .toMessage())
                .startsWith("INVALID_ARGUMENT [vm.pidsLimit]");
    }

    @Test
    void rejects_a_proposal_larger_than_8_kib_before_parsing_it() {
        final String padded = Slas.edited(s -> s.put("name", "x".repeat(9000)));

        final PovmError error = rejection(() -> readAndValidate(padded));

        assertThat(error.field()).isEqualTo("sla");
        assertThat(error.reason()).contains("at most 8192 bytes");
    }

    @Nested
    class RequireAdmits {
        private final SlaSpec standard = Slas.spec();
        private final JobDemand fits = JobDemand.none()
                .withCpuMillis(2000)
                .withMemoryMiB(2048)
                .withDiskMiB(10240)
                .withWallSeconds(3600)
                .withInputBytes(1_048_576);

        @Test
        void admits_a_job_that_asks_exactly_what_the_sla_offers() {
            assertThatCode(() -> SlaSpecValidator.requireAdmits(standard, fits, "resources"))
                    .doesNotThrowAnyException();
        }

        @Test
        void refuses_more_cpu_than_the_vm_promises_naming_the_field_and_the_offer() {
            final PovmError error =
                    rejection(() -> SlaSpecValidator.requireAdmits(standard, fits.withCpuMillis(2001), "resources"));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_ARGUMENT [resources.cpuMillis] asks for 2001 millicores; SLA standard@1 allows"
                            + " 0 to 2000 millicores");
        }

        @Test
        void refuses_each_resource_beyond_its_term() {
            assertThat(rejection(() -> SlaSpecValidator.requireAdmits(standard, fits.withMemoryMiB(2049), "r"))
                            .field())
                    .isEqualTo("r.memoryMiB");
            assertThat(rejection(() -> SlaSpecValidator.requireAdmits(standard, fits.withDiskMiB(10241), "r"))
                            .field())
                    .isEqualTo("r.diskMiB");
            assertThat(rejection(() -> SlaSpecValidator.requireAdmits(standard, fits.withWallSeconds(3601), "r"))
                            .field())
                    .isEqualTo("r.wallSeconds");
            assertThat(rejection(() -> SlaSpecValidator.requireAdmits(standard, fits.withInputBytes(1_048_577), "r"))
                            .field())
                    .isEqualTo("r.inputBytes");
            assertThat(rejection(() -> SlaSpecValidator.requireAdmits(standard, fits.withCpuMillis(-1), "r"))
                            .field())
                    .isEqualTo("r.cpuMillis");
        }
    }
}
