// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.ReplicaState;
import io.povm.api.beacon.JobAudit;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import io.povm.worker.ledger.Ledger;
import io.povm.worker.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which jobs the heartbeat advances or finalizes, and when: the submitter's org first, the others later. */
class JobAdvancerTest {
    private static final Instant T0 = Instant.parse("2026-11-21T11:10:00Z");
    private static final String SUBMITTER_ORG = "Org2MSP";

    private final Ledger ledger = mock(Ledger.class);
    private final JobClient jobs = mock(JobClient.class);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        when(ledger.jobs(any())).thenAnswer(call -> ((Function<JobClient, Object>) call.getArgument(0)).apply(jobs));
        when(jobs.listByState(any(), anyInt(), anyString())).thenReturn(new JobPage(List.of(), ""));
        when(jobs.advance(anyString())).thenReturn(Fixtures.job());
        when(jobs.finalizeJob(anyString())).thenReturn(Fixtures.job());
        when(jobs.audit(anyString())).thenReturn(Fixtures.job());
        when(jobs.jobAudit(anyString())).thenReturn(audit(JobAudit.NOT_SELECTED));
    }

    private static JobAudit audit(final String state) {
        return new JobAudit(Fixtures.JOB_ID, 4L, state, 1, 10, null, "test");
    }

    private static Job soft() {
        return Fixtures.job(ReplicaState.RESULT_REVEALED, ReplicaState.RESULT_REVEALED)
                .withState(JobState.RESOLVED_SOFT, T0.toString(), Optional.empty())
                .withResolution(new Job.Resolution(
                        Optional.of(T0.toString()),
                        Optional.empty(),
                        Optional.of(T0.plusSeconds(60).toString()),
                        Optional.empty()));
    }

    private void listed(final JobState state, final Job job) {
        when(jobs.listByState(eq(state), anyInt(), eq(""))).thenReturn(new JobPage(List.of(job), ""));
    }

    private static Job pending(final ReplicaState replicas) {
        return Fixtures.job(replicas, replicas)
                .withState(JobState.RESULTS_PENDING, T0.toString(), Optional.empty())
                .withResolution(Job.Resolution.NONE.withRevealBy(T0.toString()));
    }

    private void sweep(final String msp, final long secondsAfterT0) {
        new JobAdvancer(ledger, msp, T0.plusSeconds(secondsAfterT0)).sweep();
    }

    @Test
    void the_submitters_org_advances_a_job_whose_reveal_window_closed() {
        listed(JobState.RESULTS_PENDING, pending(ReplicaState.RESULT_COMMITTED));

        sweep(SUBMITTER_ORG, 1);
        verify(jobs, never()).advance(anyString());

        sweep(SUBMITTER_ORG, 3);
        verify(jobs).advance(Fixtures.JOB_ID);
    }

    @Test
    void another_org_waits_the_fallback_delay_before_advancing() {
        listed(JobState.RESULTS_PENDING, pending(ReplicaState.RESULT_COMMITTED));

        sweep("Org1MSP", 3);
        verify(jobs, never()).advance(anyString());

        sweep("Org1MSP", 3 + FabricWorkerDaemon.ASSIGN_FALLBACK.toSeconds());
        verify(jobs).advance(Fixtures.JOB_ID);
    }

    @Test
    void a_pending_job_with_nothing_left_to_reveal_and_no_verdict_is_advanced_for_another_replica() {
        final Job job = Fixtures.job(ReplicaState.RESULT_REVEALED, ReplicaState.RESULT_REVEALED)
                .withState(JobState.RESULTS_PENDING, T0.toString(), Optional.empty())
                .withResolution(
                        Job.Resolution.NONE.withRevealBy(T0.plusSeconds(60).toString()));
        listed(JobState.RESULTS_PENDING, job);

        sweep(SUBMITTER_ORG, 3);

        verify(jobs).advance(Fixtures.JOB_ID);
    }

    @Test
    void soft_verdicts_are_finalized_after_the_challenge_window_and_firm_ones_at_once() {
        listed(JobState.RESOLVED_SOFT, soft());
        sweep(SUBMITTER_ORG, 30);
        verify(jobs, never()).finalizeJob(anyString());

        sweep(SUBMITTER_ORG, 63);
        verify(jobs).finalizeJob(Fixtures.JOB_ID);
        verify(jobs, never()).audit(anyString());
    }

    @Test
    void a_soft_verdict_its_audit_round_selected_is_audited_without_waiting_for_the_challenge_window() {
        listed(JobState.RESOLVED_SOFT, soft());
        when(jobs.jobAudit(Fixtures.JOB_ID)).thenReturn(audit(JobAudit.OPEN));
        sweep(SUBMITTER_ORG, 10);
        verify(jobs, never()).audit(anyString());

        when(jobs.jobAudit(Fixtures.JOB_ID)).thenReturn(audit(JobAudit.SELECTED));
        sweep(SUBMITTER_ORG, 20);
        verify(jobs).audit(Fixtures.JOB_ID);
        verify(jobs, never()).finalizeJob(anyString());
    }

    @Test
    void another_org_asks_about_the_audit_only_after_the_fallback_delay() {
        listed(JobState.RESOLVED_SOFT, soft());
        when(jobs.jobAudit(Fixtures.JOB_ID)).thenReturn(audit(JobAudit.SELECTED));

        sweep("Org1MSP", 3);
        verify(jobs, never()).jobAudit(anyString());

        sweep("Org1MSP", 3 + FabricWorkerDaemon.ASSIGN_FALLBACK.toSeconds());
        verify(jobs).audit(Fixtures.JOB_ID);
    }

    @Test
    void a_disputes_rerun_is_advanced_once_its_reveal_window_closed() {
        listed(
                JobState.RESOLVING,
                Fixtures.job(ReplicaState.RESULT_REVEALED, ReplicaState.RESULT_COMMITTED)
                        .withState(JobState.RESOLVING, T0.toString(), Optional.empty())
                        .withResolution(Job.Resolution.NONE.withRevealBy(
                                T0.plusSeconds(60).toString())));

        sweep(SUBMITTER_ORG, 30);
        verify(jobs, never()).advance(anyString());

        sweep(SUBMITTER_ORG, 63);
        verify(jobs).advance(Fixtures.JOB_ID);
    }

    @Test
    void a_refusal_such_as_already_finalized_is_expected_and_the_sweep_goes_on() {
        listed(
                JobState.RESOLVED_FIRM,
                Fixtures.job(ReplicaState.RESULT_REVEALED, ReplicaState.RESULT_REVEALED)
                        .withState(JobState.RESOLVED_FIRM, T0.toString(), Optional.empty()));
        listed(JobState.RESULTS_PENDING, pending(ReplicaState.RESULT_COMMITTED));
        when(jobs.advance(anyString()))
                .thenThrow(PovmClientException.rejected(
                        new PovmError(ErrorCode.INVALID_STATE, "revealBy", "window still open"), null));

        sweep(SUBMITTER_ORG, 3);

        verify(jobs).finalizeJob(Fixtures.JOB_ID);
    }

    @Test
    void a_job_nobody_took_is_expired_once_its_deadline_passed_and_not_before() {
        when(jobs.expire(anyString())).thenReturn(Fixtures.job());
        final Job waiting = Fixtures.job(); // deadline 2026-11-21T12:00:00Z, 50 min after T0
        listed(JobState.SUBMITTED, waiting);

        sweep(SUBMITTER_ORG, 60);
        verify(jobs, never()).expire(anyString());

        sweep(SUBMITTER_ORG, 3_000 + 10);
        verify(jobs).expire(Fixtures.JOB_ID);
    }

    @Test
    void a_pending_job_past_its_deadline_is_expired_when_it_cannot_be_advanced_and_each_state_is_listed_once() {
        when(jobs.expire(anyString())).thenReturn(Fixtures.job());
        when(jobs.advance(anyString()))
                .thenThrow(PovmClientException.rejected(
                        new PovmError(ErrorCode.INVALID_STATE, "job", "nothing to advance"), null));
        listed(JobState.RESULTS_PENDING, pending(ReplicaState.RESULT_COMMITTED));

        sweep(SUBMITTER_ORG, 3_000 + 10);

        verify(jobs).advance(Fixtures.JOB_ID);
        verify(jobs).expire(Fixtures.JOB_ID);
        for (final JobState state : JobState.values()) {
            verify(jobs, atMost(1)).listByState(eq(state), anyInt(), anyString());
        }
    }

    @Test
    void a_sweep_counts_the_jobs_it_saw_in_every_state_before_a_final_one() {
        for (final JobState state : List.of(
                JobState.SUBMITTED,
                JobState.ASSIGNED,
                JobState.RUNNING,
                JobState.RESULTS_PENDING,
                JobState.RESOLVED_SOFT,
                JobState.CHALLENGED,
                JobState.RESOLVING,
                JobState.RESOLVED_FIRM)) {
            listed(state, Fixtures.job().withState(state, T0.toString(), Optional.empty()));
        }

        assertThat(new JobAdvancer(ledger, SUBMITTER_ORG, T0).sweep()).isEqualTo(8);
        for (final JobState state :
                List.of(JobState.FINALIZED, JobState.CANCELLED, JobState.EXPIRED, JobState.FAILED)) {
            verify(jobs, never()).listByState(eq(state), anyInt(), anyString());
        }
    }

    @Test
    void a_sweep_of_a_ledger_with_only_final_jobs_sees_none() {
        assertThat(new JobAdvancer(ledger, SUBMITTER_ORG, T0).sweep()).isZero();
    }
}
