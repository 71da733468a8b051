// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.povm.api.JobHistory;
import io.povm.api.JobVersion;
import io.povm.api.PovmJson;
import io.povm.client.TestJobs;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobHistoryCommandTest {
    private final CliHarness cli = new CliHarness();
    private final JobHistory history = new JobHistory(
            "job-1",
            List.of(
                    new JobVersion(
                            "tx-cancel", "2026-11-20T10:05:00.000Z", false, TestJobs.cancelled("job-1", "wrong seed")),
                    new JobVersion("tx-job-1", "2026-11-20T10:00:00.123Z", false, TestJobs.job("job-1"))));

    @Test
    void table_output_numbers_the_versions_newest_first() {
        when(cli.jobs.history("job-1")).thenReturn(history);

        assertThat(cli.run("job", "history", "job-1")).isZero();

        assertThat(cli.out().lines())
                .containsExactly(
                        "#  TIMESTAMP                 STATE      TRANSACTION  REASON",
                        "2  2026-11-20T10:05:00.000Z  CANCELLED  tx-cancel    wrong seed",
                        "1  2026-11-20T10:00:00.123Z  SUBMITTED  tx-job-1     -");
    }

    @Test
    void json_output_is_the_history() {
        when(cli.jobs.history("job-1")).thenReturn(history);

        assertThat(cli.run("job", "history", "job-1", "-o", "json")).isZero();

        assertThat(PovmJson.read(cli.out().strip(), JobHistory.class)).isEqualTo(history);
    }
}
