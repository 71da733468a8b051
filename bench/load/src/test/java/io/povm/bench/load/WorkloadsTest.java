// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.JobSpecValidator;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    @Test
    void job_specs_pass_the_chaincodes_own_checks_with_distinct_ids() {
        JobSpecValidator.validate(Workloads.spec(Workloads.jobId("abcd1234", 0), "standard@1"));

        assertThat(Workloads.jobId("abcd1234", 1)).isNotEqualTo(Workloads.jobId("abcd1234", 2));
    }

    @Test
    void each_workload_names_the_chaincode_it_calls() {
        assertThat(Workloads.of("floor-write", "standard@1", 1, 0).chaincode()).isEqualTo("floor");
        assertThat(Workloads.of("submit-job", "standard@1", 1, 0).chaincode()).isEqualTo("povm");
        assertThat(Workloads.of("submit-jobs", "standard@1", 10, 0).chaincode()).isEqualTo("povm");
    }

    @Test
    void an_unknown_workload_is_refused_with_the_known_ones() {
        assertThatThrownBy(() -> Workloads.of("nope", "standard@1", 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("floor-write");
    }
}
