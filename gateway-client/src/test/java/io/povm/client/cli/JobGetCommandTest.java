// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.povm.api.Job;
import io.povm.api.PovmJson;
import io.povm.client.TestJobs;
import org.junit.jupiter.api.Test;

class JobGetCommandTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void json_output_parses_back_to_the_job() {
        when(cli.jobs.get("job-1")).thenReturn(TestJobs.job("job-1"));

        assertThat(cli.run("job", "get", "job-1", "-o", "json")).isZero();

        assertThat(PovmJson.read(cli.out().strip(), Job.class)).isEqualTo(TestJobs.job("job-1"));
        assertThat(cli.out().strip().lines()).hasSize(1);
    }

    @Test
    void table_output_lists_the_fields() {
        when(cli.jobs.get("job-1")).thenReturn(TestJobs.job("job-1"));

        assertThat(cli.run("job", "get", "job-1")).isZero();

        assertThat(cli.out())
                .contains("id            job-1")
                .contains("state         SUBMITTED")
                .contains("image         " + TestJobs.IMAGE)
                .contains("command       coinflip --k 5")
                .contains("redundancy    k-vote, 3 replicas")
                .contains("transaction   tx-job-1");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void the_output_option_is_case_insensitive() {
        when(cli.jobs.get("job-1")).thenReturn(TestJobs.job("job-1"));

        assertThat(cli.run("job", "get", "job-1", "--output", "JSON")).isZero();

        assertThat(cli.out()).startsWith("{");
    }
}
