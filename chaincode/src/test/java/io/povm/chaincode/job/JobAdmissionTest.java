// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.ErrorCode;
import io.povm.api.JobInput;
import io.povm.api.JobResources;
import io.povm.api.JobSpec;
import io.povm.api.PovmException;
import io.povm.api.Sla;
import io.povm.api.SlaState;
import io.povm.api.Slas;
import io.povm.api.Specs;
import io.povm.api.Submitter;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JobAdmissionTest {
    /** standard@1: 2000 millicores, 2048 MiB, inputs up to 1 MiB. */
    private static final Sla ACTIVE =
            new Sla(Slas.spec(), SlaState.ACTIVE, new Submitter("Org1MSP", "x509::admin"), "t0", "tx", "t1", null);

    private static final Function<String, Sla> LOOKUP = ref -> ACTIVE;

    @Test
    void a_job_within_the_sla_is_admitted() {
        final JobSpec spec =
                Specs.builder().resources(new JobResources(2000, 2048)).build();

        assertThat(JobAdmission.admit(spec, LOOKUP)).isEqualTo(ACTIVE);
    }

    @Test
    void the_sla_lookup_decides_whether_an_inactive_sla_is_refused() {
        final Function<String, Sla> proposedOnly = ref -> {
            throw new PovmException(
                    new io.povm.api.PovmError(ErrorCode.INVALID_STATE, "sla", "SLA " + ref + " is PROPOSED"));
        };

        assertThatThrownBy(() -> JobAdmission.admit(Specs.builder().build(), proposedOnly))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE));
    }

    @Test
    void more_cpu_than_the_sla_offers_is_refused_naming_the_field() {
        final JobSpec spec =
                Specs.builder().resources(new JobResources(2001, null)).build();

        assertThatThrownBy(() -> JobAdmission.admit(spec, LOOKUP)).isInstanceOfSatisfying(PovmException.class, e -> {
            assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.error().field()).isEqualTo("resources.cpuMillis");
        });
    }

    @Test
    void inputs_larger_than_the_sla_allows_are_refused() {
        final JobSpec spec = Specs.builder()
                .inputs(List.of(JobInput.reference("big", "ab".repeat(32), "https://example.org/big", 1_048_577L)))
                .build();

        assertThatThrownBy(() -> JobAdmission.admit(spec, LOOKUP))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().field()).isEqualTo("resources.inputBytes"));
    }

    @Test
    void the_demand_counts_inline_inputs_by_their_decoded_size() {
        final JobSpec spec =
                Specs.builder().inputs(List.of(JobInput.inline("seed", "AAAA"))).build();

        assertThat(JobAdmission.demand(spec).inputBytes()).isEqualTo(3);
    }
}
