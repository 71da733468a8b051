// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.povm.api.Dispute;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.beacon.JobAudit;
import io.povm.client.PovmClientException;
import io.povm.client.attestation.SignedJob;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code povm job result}, {@code advance}, {@code challenge} and {@code finalize} against a mocked JobClient. */
class JobResultCommandsTest {
    private final CliHarness cli = new CliHarness();
    private final Job resolved = new SignedJob().job;

    @Test
    void result_shows_the_state_the_verdict_and_who_agreed() {
        when(cli.jobs.get("flip-1")).thenReturn(resolved);

        assertThat(cli.run("job", "result", "flip-1")).isZero();

        assertThat(cli.out())
                .contains("state         RESOLVED_SOFT")
                .contains("verdict       soft, decided 2026-11-20T10:10:00.000Z")
                .containsPattern("winner +[0-9a-f]{64}")
                .containsPattern("answers +[0-9a-f]{64} 2 Org1MSP/w1, Org2MSP/w1")
                .containsPattern("\\n +[0-9a-f]{64} 1 Org3MSP/w1")
                .contains("agreed        Org1MSP/w1, Org2MSP/w1")
                .contains("disagreed     Org3MSP/w1")
                .contains("timed out     -")
                .contains("violations    -")
                .contains("challenge by  2026-11-20T10:11:00.000Z");
    }

    @Test
    void result_shows_a_decided_dispute_and_its_first_divergence() {
        final Dispute dispute = Dispute.opened(resolved.submitter(), "wrong flips", 30, "2026-11-20T10:10:30.000Z", 3)
                .decided(
                        Dispute.OVERTURNED,
                        Optional.of(new Dispute.Divergence(2, "ab", "cd")),
                        "the re-run overturns the soft verdict");
        when(cli.jobs.get("flip-1"))
                .thenReturn(resolved.withResolution(resolved.resolution().withDispute(dispute)));

        assertThat(cli.run("job", "result", "flip-1")).isZero();

        assertThat(cli.out())
                .contains("dispute       by Org1MSP at 2026-11-20T10:10:30.000Z, deposit 30, 3 re-run replica(s): wrong"
                        + " flips")
                .contains("outcome       OVERTURNED")
                .contains("diverges at   checkpoint 2: verdict ab, re-run cd")
                .contains("note          the re-run overturns the soft verdict");
    }

    @Test
    void result_of_a_job_without_verdict_says_so() {
        final Job pending = resolved.withState(JobState.RESULTS_PENDING, "2026-11-20T10:08:00.000Z", Optional.empty())
                .withResolution(Job.Resolution.NONE);
        when(cli.jobs.get("flip-1")).thenReturn(pending);

        assertThat(cli.run("job", "result", "flip-1")).isZero();

        assertThat(cli.out()).contains("state         RESULTS_PENDING").contains("verdict       none yet");
    }

    @Test
    void result_json_holds_the_verdict_and_leaves_out_absent_parts() {
        when(cli.jobs.get("flip-1")).thenReturn(resolved);

        assertThat(cli.run("job", "result", "flip-1", "-o", "json")).isZero();

        assertThat(cli.out())
                .startsWith(
                        "{\"jobId\":\"flip-1\",\"state\":\"RESOLVED_SOFT\",\"revealBy\":\"2026-11-20T10:09:00.000Z\","
                                + "\"verdict\":{\"stage\":\"soft\",")
                .contains("\"agreed\":[\"Org1MSP/w1\",\"Org2MSP/w1\"]")
                .doesNotContain("dispute");
    }

    @Test
    void challenge_sends_the_reason_and_shows_the_result() {
        final Job challenged = resolved.withState(JobState.RESOLVING, "2026-11-20T10:10:30.000Z", Optional.empty());
        when(cli.jobs.challenge("flip-1", "flips look wrong")).thenReturn(challenged);

        assertThat(cli.run("job", "challenge", "flip-1", "--reason", "flips look wrong"))
                .isZero();

        assertThat(cli.out()).contains("state         RESOLVING");
    }

    @Test
    void challenge_needs_a_reason() {
        assertThat(cli.run("job", "challenge", "flip-1")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("Missing required option: '--reason=TEXT'");
        verifyNoInteractions(cli.jobs);
    }

    @Test
    void advance_and_finalize_call_the_client_and_json_is_the_job() {
        when(cli.jobs.advance("flip-1")).thenReturn(resolved);
        final Job finalized = resolved.withState(JobState.FINALIZED, "2026-11-20T10:12:00.000Z", Optional.empty());
        when(cli.jobs.finalizeJob("flip-1")).thenReturn(finalized);

        assertThat(cli.run("job", "advance", "flip-1")).isZero();
        assertThat(cli.out()).contains("state         RESOLVED_SOFT");
        assertThat(cli.run("job", "finalize", "flip-1", "-o", "json")).isZero();
        assertThat(cli.out()).startsWith("{\"spec\":").contains("\"state\":\"FINALIZED\"");
        verify(cli.jobs).advance("flip-1");
    }

    @Test
    void finalize_too_early_is_rejected_with_the_chaincodes_reason() {
        when(cli.jobs.finalizeJob("flip-1"))
                .thenThrow(PovmClientException.rejected(
                        new PovmError(ErrorCode.INVALID_STATE, "challengeBy", "the challenge window is still open"),
                        null));

        assertThat(cli.run("job", "finalize", "flip-1")).isEqualTo(ExitCodes.REJECTED);

        assertThat(cli.err()).startsWith("error: INVALID_STATE [challengeBy] the challenge window is still open");
    }

    @Test
    void expire_calls_the_client_and_an_early_one_says_why_it_cannot_expire_yet() {
        final Job expired = resolved.withState(JobState.EXPIRED, "2026-11-20T11:00:10.000Z", Optional.empty());
        when(cli.jobs.expire("flip-1")).thenReturn(expired);
        when(cli.jobs.expire("flip-2"))
                .thenThrow(PovmClientException.rejected(
                        new PovmError(ErrorCode.INVALID_STATE, "deadline", "job 'flip-2' cannot expire yet"), null));

        assertThat(cli.run("job", "expire", "flip-1", "-o", "json")).isZero();
        assertThat(cli.out()).contains("\"state\":\"EXPIRED\"");
        assertThat(cli.run("job", "expire", "flip-2")).isEqualTo(ExitCodes.REJECTED);
        assertThat(cli.err()).startsWith("error: INVALID_STATE [deadline] job 'flip-2' cannot expire yet");
    }

    @Test
    void audit_shows_the_round_the_rate_and_whether_the_seed_selected_the_job() {
        when(cli.jobs.jobAudit("flip-1"))
                .thenReturn(new JobAudit(
                        "flip-1", 7L, JobAudit.SELECTED, 1, 10, "5e".repeat(32), "selected at 1/10 by round 7"));

        assertThat(cli.run("job", "audit", "flip-1")).isZero();

        assertThat(cli.out())
                .contains("state         SELECTED (selected; the audit starts before the job is finalized)")
                .contains("audit round   7")
                .contains("rate          1/10")
                .contains("seed          " + "5e".repeat(32))
                .contains("note          selected at 1/10 by round 7");
        verify(cli.jobs, never()).audit("flip-1");
    }

    @Test
    void audit_of_a_job_without_verdict_has_no_round_and_json_leaves_out_absent_parts() {
        when(cli.jobs.jobAudit("flip-1")).thenReturn(new JobAudit("flip-1", null, JobAudit.NONE, 0, 1, null, null));

        assertThat(cli.run("job", "audit", "flip-1")).isZero();
        assertThat(cli.out())
                .contains("state         NONE (no soft verdict yet)")
                .contains("audit round   -");
        assertThat(cli.run("job", "audit", "flip-1", "-o", "json")).isZero();
        assertThat(cli.out()).startsWith("{\"jobId\":\"flip-1\",\"state\":\"NONE\",\"auditNum\":0,\"auditDen\":1");
    }

    @Test
    void audit_start_sends_audit_job_and_shows_the_result() {
        final Job auditing = resolved.withState(JobState.RESOLVING, "2026-11-20T10:10:30.000Z", Optional.empty());
        when(cli.jobs.audit("flip-1")).thenReturn(auditing);

        assertThat(cli.run("job", "audit", "flip-1", "--start")).isZero();

        assertThat(cli.out()).contains("state         RESOLVING");
        verify(cli.jobs).audit("flip-1");
    }

    @Test
    void audit_start_of_a_job_not_selected_is_rejected_with_the_chaincodes_reason() {
        when(cli.jobs.audit("flip-1"))
                .thenThrow(PovmClientException.rejected(
                        new PovmError(ErrorCode.INVALID_STATE, "audit", "round 7 did not select job flip-1"), null));

        assertThat(cli.run("job", "audit", "flip-1", "--start")).isEqualTo(ExitCodes.REJECTED);

        assertThat(cli.err()).startsWith("error: INVALID_STATE [audit] round 7 did not select job flip-1");
    }
}
