// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.AttestationCheck;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobAttestations;
import io.povm.api.PovmError;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.api.Sla;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import io.povm.client.sla.SlaClient;
import io.povm.worker.attestation.FaultyMode;
import io.povm.worker.attestation.FaultyPlan;
import io.povm.worker.attestation.Nonces;
import io.povm.worker.attestation.Reveals;
import io.povm.worker.attestation.Sealed;
import io.povm.worker.health.StatusBoard;
import io.povm.worker.health.WorkerMetrics;
import io.povm.worker.health.WorkerStatus;
import io.povm.worker.job.GateDecision;
import io.povm.worker.job.ImageGate;
import io.povm.worker.job.JobRunner;
import io.povm.worker.job.Outcomes;
import io.povm.worker.journal.ReplicaId;
import io.povm.worker.journal.ReplicaRecord;
import io.povm.worker.journal.ReplicaStage;
import io.povm.worker.journal.ReportJournal;
import io.povm.worker.ledger.Ledger;
import io.povm.worker.testing.Fixtures;
import io.povm.worker.testing.TestKeys;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** The replica's path through run, seal, journal, commit and reveal, over a mocked ledger and runner. */
class ReplicaTaskTest {
    private static final ReplicaId ID = ReplicaId.of(Fixtures.JOB_ID, 0);
    private static final KeyPair KEY = TestKeys.p256();
    private static final String STDOUT = Fixtures.coinflipStdout(4, 30);

    @TempDir
    Path dir;

    private final Ledger ledger = mock(Ledger.class);
    private final JobClient jobs = mock(JobClient.class);
    private final JobRunner runner = mock(JobRunner.class);
    private final ImageGate gate = mock(ImageGate.class);
    private ReportJournal journal;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        journal = ReportJournal.open(dir.resolve("journal"), Clock.systemUTC());
        final SlaClient slas = mock(SlaClient.class);
        final Sla sla = mock(Sla.class);
        when(sla.spec()).thenReturn(Fixtures.SLA);
        when(slas.get("standard@1")).thenReturn(sla);
        when(ledger.jobs(any())).thenAnswer(call -> ((Function<JobClient, Object>) call.getArgument(0)).apply(jobs));
        when(ledger.slas(any())).thenAnswer(call -> ((Function<SlaClient, Object>) call.getArgument(0)).apply(slas));
        final GateDecision accepted = mock(GateDecision.class);
        when(accepted.accepted()).thenReturn(true);
        when(gate.check(anyString())).thenReturn(accepted);
        when(runner.run(any())).thenReturn(Outcomes.succeeded(STDOUT));
        journal.accept(ID);
    }

    @AfterEach
    void tearDown() {
        journal.close();
    }

    private ReplicaTask task(final FaultyMode mode) {
        final StatusBoard board = new StatusBoard(WorkerStatus.starting(Fixtures.ME, 1), Clock.systemUTC());
        return new ReplicaTask(
                ID,
                new ReplicaServices(
                        Fixtures.ME,
                        ledger,
                        runner,
                        gate,
                        journal,
                        board,
                        new WorkerMetrics(board),
                        new Reveals(Fixtures.ME, Fixtures.MY_MSP, KEY.getPrivate()),
                        FaultyPlan.always(mode)));
    }

    private static Job job(final Replica mine, final ReplicaState others) {
        final List<Replica> replicas =
                new ArrayList<>(Fixtures.job(ReplicaState.ASSIGNED, others).replicas());
        replicas.set(0, mine);
        return Fixtures.job().withReplicas(replicas);
    }

    private static Replica mine(final ReplicaState state) {
        return new Replica(0, Fixtures.ME, Fixtures.MY_MSP, state);
    }

    private ReplicaStage stage() {
        return journal.find(ID).map(ReplicaRecord::stage).orElseThrow();
    }

    private Sealed journaled() {
        return Sealed.read(journal.find(ID).flatMap(ReplicaRecord::resultJson).orElseThrow());
    }

    private static PovmClientException rejected(final ErrorCode code) {
        return PovmClientException.rejected(new PovmError(code, "state", "not now"), null);
    }

    /** The ledger answers a commit with the replica committed and the others in {@code others}. */
    private void commitAnswers(final ReplicaState others) {
        when(jobs.commit(eq(Fixtures.JOB_ID), eq(0), anyString()))
                .thenAnswer(call -> job(mine(ReplicaState.RUNNING).committed(call.getArgument(2)), others));
    }

    private void revealAnswers(final ReplicaState outcome) {
        when(jobs.reveal(eq(Fixtures.JOB_ID), eq(0), any()))
                .thenAnswer(call -> job(
                        outcome == ReplicaState.FAULTED
                                ? mine(ReplicaState.RESULT_COMMITTED)
                                        .faulted(ReplicaState.FAULTED, "reveal does not open the commitment")
                                : mine(outcome),
                        ReplicaState.RESULT_REVEALED));
    }

    private Reveal revealed() {
        final ArgumentCaptor<Reveal> reveal = ArgumentCaptor.forClass(Reveal.class);
        verify(jobs).reveal(eq(Fixtures.JOB_ID), eq(0), reveal.capture());
        return reveal.getValue();
    }

    @Test
    void an_assigned_replica_is_acknowledged_run_journaled_committed_and_revealed_once_nothing_is_leased() {
        when(jobs.get(Fixtures.JOB_ID)).thenReturn(job(mine(ReplicaState.ASSIGNED), ReplicaState.RESULT_COMMITTED));
        commitAnswers(ReplicaState.RESULT_COMMITTED);
        revealAnswers(ReplicaState.RESULT_REVEALED);

        task(FaultyMode.NONE).run();

        final InOrder order = inOrder(jobs, runner);
        order.verify(jobs).acknowledge(Fixtures.JOB_ID, 0);
        order.verify(runner).run(any());
        order.verify(jobs).commit(eq(Fixtures.JOB_ID), eq(0), eq(journaled().commitment()));
        order.verify(jobs).reveal(eq(Fixtures.JOB_ID), eq(0), any());
        final Reveal reveal = revealed();
        assertThat(reveal).isEqualTo(journaled().reveal().orElseThrow());
        assertThat(reveal.attestation().commitment()).isEqualTo(journaled().commitment());
        final Job job = job(mine(ReplicaState.RESULT_COMMITTED), ReplicaState.RESULT_COMMITTED);
        assertThat(AttestationCheck.firstProblem(job, job.replicas().get(0), Fixtures.SLA, KEY.getPublic(), reveal))
                .isEmpty();
        assertThat(reveal.inlineOutput()).contains("{\"seed\":\"flip-1\",\"k\":4,\"flips\":30}\n");
        assertThat(reveal.checkpointLeaves()).hasSize(4);
        assertThat(stage()).isEqualTo(ReplicaStage.REVEALED);
    }

    @Test
    void the_reveal_waits_while_another_replica_is_leased_and_goes_out_on_the_next_trigger_without_a_rerun() {
        when(jobs.get(Fixtures.JOB_ID)).thenReturn(job(mine(ReplicaState.RUNNING), ReplicaState.RUNNING));
        commitAnswers(ReplicaState.RUNNING);

        task(FaultyMode.NONE).run();

        verify(jobs, never()).reveal(anyString(), anyInt(), any());
        assertThat(stage()).isEqualTo(ReplicaStage.COMMITTED);

        when(jobs.get(Fixtures.JOB_ID))
                .thenReturn(job(
                        mine(ReplicaState.RUNNING).committed(journaled().commitment()), ReplicaState.RESULT_COMMITTED));
        revealAnswers(ReplicaState.RESULT_REVEALED);
        task(FaultyMode.NONE).run();

        verify(runner).run(any());
        assertThat(revealed()).isEqualTo(journaled().reveal().orElseThrow());
        assertThat(stage()).isEqualTo(ReplicaStage.REVEALED);
    }

    @Test
    void after_a_crash_past_result_ready_the_journaled_commitment_is_committed_and_nothing_runs_again() {
        final Sealed sealed = sealedBeforeCrash();
        journal.resultReady(ID, sealed.toJson());
        commitAnswers(ReplicaState.RESULT_COMMITTED);
        revealAnswers(ReplicaState.RESULT_REVEALED);

        task(FaultyMode.NONE).run();

        verify(runner, never()).run(any());
        verify(jobs).commit(Fixtures.JOB_ID, 0, sealed.commitment());
        assertThat(revealed()).isEqualTo(sealed.reveal().orElseThrow());
        assertThat(stage()).isEqualTo(ReplicaStage.REVEALED);
    }

    @Test
    void a_commitment_the_ledger_already_holds_after_a_crash_counts_as_committed() {
        final Sealed sealed = sealedBeforeCrash();
        journal.resultReady(ID, sealed.toJson());
        when(jobs.commit(anyString(), anyInt(), anyString())).thenThrow(rejected(ErrorCode.INVALID_STATE));
        when(jobs.get(Fixtures.JOB_ID))
                .thenReturn(job(mine(ReplicaState.RUNNING).committed(sealed.commitment()), ReplicaState.RUNNING));

        task(FaultyMode.NONE).run();

        assertThat(stage()).isEqualTo(ReplicaStage.COMMITTED);
        assertThat(journal.find(ID).flatMap(ReplicaRecord::reason)).contains("found committed on the ledger");
    }

    @Test
    void a_commit_refused_for_another_reason_abandons_the_replica() {
        journal.resultReady(ID, sealedBeforeCrash().toJson());
        when(jobs.commit(anyString(), anyInt(), anyString())).thenThrow(rejected(ErrorCode.INVALID_STATE));
        when(jobs.get(Fixtures.JOB_ID)).thenReturn(job(mine(ReplicaState.LEASE_EXPIRED), ReplicaState.RUNNING));

        task(FaultyMode.NONE).run();

        assertThat(stage()).isEqualTo(ReplicaStage.ABANDONED);
    }

    @Test
    void a_commit_refused_while_the_replica_is_still_leased_stays_result_ready_and_the_next_heartbeat_commits_it() {
        final Sealed sealed = sealedBeforeCrash();
        journal.resultReady(ID, sealed.toJson());
        when(jobs.commit(anyString(), anyInt(), anyString())).thenThrow(rejected(ErrorCode.INVALID_STATE));
        when(jobs.get(Fixtures.JOB_ID)).thenReturn(job(mine(ReplicaState.RUNNING), ReplicaState.RUNNING));

        task(FaultyMode.NONE).run();

        assertThat(stage()).as("a lagging endorser's refusal").isEqualTo(ReplicaStage.RESULT_READY);

        org.mockito.Mockito.reset(jobs);
        commitAnswers(ReplicaState.RUNNING);
        task(FaultyMode.NONE).run();

        assertThat(stage()).isEqualTo(ReplicaStage.COMMITTED);
        verify(jobs).commit(Fixtures.JOB_ID, 0, sealed.commitment());
    }

    @Test
    void after_a_crash_past_committed_only_the_journaled_reveal_is_sent() {
        final Sealed sealed = sealedBeforeCrash();
        journal.resultReady(ID, sealed.toJson());
        journal.committed(ID, "committed");
        when(jobs.get(Fixtures.JOB_ID))
                .thenReturn(
                        job(mine(ReplicaState.RUNNING).committed(sealed.commitment()), ReplicaState.RESULT_COMMITTED));
        revealAnswers(ReplicaState.RESULT_REVEALED);

        task(FaultyMode.NONE).run();

        verify(runner, never()).run(any());
        verify(jobs, never()).commit(anyString(), anyInt(), anyString());
        assertThat(revealed()).isEqualTo(sealed.reveal().orElseThrow());
        assertThat(stage()).isEqualTo(ReplicaStage.REVEALED);
    }

    @Test
    void a_reveal_recorded_as_a_fault_is_still_done() {
        when(jobs.get(Fixtures.JOB_ID)).thenReturn(job(mine(ReplicaState.RUNNING), ReplicaState.RESULT_COMMITTED));
        commitAnswers(ReplicaState.RESULT_COMMITTED);
        revealAnswers(ReplicaState.FAULTED);

        task(FaultyMode.NONE).run();

        assertThat(stage()).isEqualTo(ReplicaStage.REVEALED);
        assertThat(journal.find(ID).flatMap(ReplicaRecord::reason).orElseThrow())
                .contains("FAULTED", "does not open");
    }

    @Test
    void a_reveal_refused_as_not_yet_possible_is_kept_for_the_next_trigger() {
        when(jobs.get(Fixtures.JOB_ID))
                .thenReturn(job(mine(ReplicaState.RUNNING), ReplicaState.RESULT_COMMITTED))
                .thenAnswer(call -> job(
                        mine(ReplicaState.RUNNING).committed(journaled().commitment()), ReplicaState.RESULT_COMMITTED));
        commitAnswers(ReplicaState.RESULT_COMMITTED);
        when(jobs.reveal(anyString(), anyInt(), any())).thenThrow(rejected(ErrorCode.INVALID_STATE));

        task(FaultyMode.NONE).run();

        assertThat(stage()).isEqualTo(ReplicaStage.COMMITTED);
    }

    @Test
    void silent_commits_honestly_and_never_reveals() {
        when(jobs.get(Fixtures.JOB_ID)).thenReturn(job(mine(ReplicaState.RUNNING), ReplicaState.RESULT_COMMITTED));
        commitAnswers(ReplicaState.RESULT_COMMITTED);

        task(FaultyMode.SILENT).run();

        verify(jobs)
                .commit(
                        eq(Fixtures.JOB_ID),
                        eq(0),
                        eq(journaled().reveal().orElseThrow().attestation().commitment()));
        verify(jobs, never()).reveal(anyString(), anyInt(), any());
        assertThat(stage()).isEqualTo(ReplicaStage.ABANDONED);
    }

    @Test
    void wrong_answer_reveals_a_different_result_that_still_checks() {
        when(jobs.get(Fixtures.JOB_ID)).thenReturn(job(mine(ReplicaState.RUNNING), ReplicaState.RESULT_COMMITTED));
        commitAnswers(ReplicaState.RESULT_COMMITTED);
        revealAnswers(ReplicaState.RESULT_REVEALED);

        task(FaultyMode.WRONG_ANSWER).run();

        final Reveal reveal = revealed();
        assertThat(reveal.inlineOutput()).contains("{\"seed\":\"flip-1\",\"k\":4,\"flips\":31}\n");
        final Job job = job(mine(ReplicaState.RESULT_COMMITTED), ReplicaState.RESULT_COMMITTED);
        assertThat(AttestationCheck.firstProblem(job, job.replicas().get(0), Fixtures.SLA, KEY.getPublic(), reveal))
                .isEmpty();
        assertThat(reveal.attestation().commitment()).isEqualTo(journaled().commitment());
    }

    @Test
    void copy_runs_nothing_commits_a_random_value_and_reveals_another_replicas_result_once_there_is_one() {
        when(jobs.get(Fixtures.JOB_ID)).thenReturn(job(mine(ReplicaState.ASSIGNED), ReplicaState.RUNNING));
        commitAnswers(ReplicaState.RESULT_COMMITTED);

        task(FaultyMode.COPY).run();

        verify(runner, never()).run(any());
        verify(jobs, never()).reveal(anyString(), anyInt(), any());
        assertThat(journaled().reveal()).isEmpty();
        assertThat(stage()).isEqualTo(ReplicaStage.COMMITTED);

        final Reveal theirs = honestRevealOfReplica1();
        when(jobs.get(Fixtures.JOB_ID))
                .thenReturn(job(
                        mine(ReplicaState.RUNNING).committed(journaled().commitment()), ReplicaState.RESULT_REVEALED));
        when(jobs.attestations(Fixtures.JOB_ID)).thenReturn(new JobAttestations(Fixtures.JOB_ID, List.of(theirs)));
        revealAnswers(ReplicaState.FAULTED);
        task(FaultyMode.COPY).run();

        final Reveal copy = revealed();
        assertThat(copy.attestation().resultHash())
                .isEqualTo(theirs.attestation().resultHash());
        assertThat(copy.attestation().workerKey()).isEqualTo(Fixtures.ME);
        assertThat(copy.attestation().replica()).isZero();
        assertThat(copy.attestation().commitment()).isNotEqualTo(journaled().commitment());
        assertThat(stage()).isEqualTo(ReplicaStage.REVEALED);
    }

    private static Sealed sealedBeforeCrash() {
        final Job job = job(mine(ReplicaState.RUNNING), ReplicaState.RUNNING);
        return Sealed.of(new Reveals(Fixtures.ME, Fixtures.MY_MSP, KEY.getPrivate())
                .seal(job, 0, Fixtures.SLA, ReplicaRequests.evidence(Outcomes.succeeded(STDOUT)), Nonces.fresh()));
    }

    private static Reveal honestRevealOfReplica1() {
        final Job job = job(mine(ReplicaState.RUNNING), ReplicaState.RESULT_REVEALED);
        return new Reveals("Org2MSP/w1", "Org2MSP", TestKeys.p256().getPrivate())
                .seal(job, 1, Fixtures.SLA, ReplicaRequests.evidence(Outcomes.succeeded(STDOUT)), Nonces.fresh());
    }
}
