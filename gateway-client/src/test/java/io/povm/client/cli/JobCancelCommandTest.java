// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.client.PovmClientException;
import io.povm.client.TestJobs;
import org.junit.jupiter.api.Test;

class JobCancelCommandTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void cancels_with_the_reason_and_shows_the_cancelled_job() {
        when(cli.jobs.cancel("job-1", "wrong seed")).thenReturn(TestJobs.cancelled("job-1", "wrong seed"));

        assertThat(cli.run("job", "cancel", "job-1", "--reason", "wrong seed")).isZero();

        assertThat(cli.out())
                .contains("state         CANCELLED (wrong seed)")
                .contains("state since   2026-11-20T10:05:00.000Z");
    }

    @Test
    void without_a_reason_it_sends_an_empty_one() {
        when(cli.jobs.cancel("job-1", "")).thenReturn(TestJobs.cancelled("job-1", ""));

        assertThat(cli.run("job", "cancel", "job-1")).isZero();

        verify(cli.jobs).cancel("job-1", "");
    }

    @Test
    void json_output_is_the_cancelled_job() {
        when(cli.jobs.cancel("job-1", "")).thenReturn(TestJobs.cancelled("job-1", "x"));

        assertThat(cli.run("job", "cancel", "job-1", "-o", "json")).isZero();

        assertThat(PovmJson.read(cli.out().strip(), Job.class)).isEqualTo(TestJobs.cancelled("job-1", "x"));
    }

    @Test
    void a_cancelled_job_is_rejected_with_the_state_and_a_hint() {
        final PovmError error = new PovmError(
                ErrorCode.INVALID_STATE,
                "state",
                "job 'job-1' is CANCELLED: event CANCEL is not allowed; allowed events: none, CANCELLED is final");
        when(cli.jobs.cancel("job-1", "")).thenThrow(PovmClientException.rejected(error, null));

        assertThat(cli.run("job", "cancel", "job-1")).isEqualTo(ExitCodes.REJECTED);

        assertThat(cli.err())
                .startsWith("error: INVALID_STATE [state] job 'job-1' is CANCELLED")
                .contains("hint: check the current state");
    }

    @Test
    void another_identity_is_rejected_as_forbidden() {
        final PovmError error =
                new PovmError(ErrorCode.FORBIDDEN, "caller", "CancelJob is allowed only to the job's submitter");
        when(cli.jobs.cancel("job-1", "")).thenThrow(PovmClientException.rejected(error, null));

        assertThat(cli.run("job", "cancel", "job-1", "--profile", "org2")).isEqualTo(ExitCodes.REJECTED);

        assertThat(cli.err()).startsWith("error: FORBIDDEN [caller] CancelJob is allowed only");
        assertThat(cli.profilesOpened).containsExactly("org2");
    }

    @Test
    void the_id_is_required() {
        assertThat(cli.run("job", "cancel")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("Missing required parameter: 'ID'");
    }
}
