// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import static io.povm.chaincode.job.JobResultsTest.AT;
import static io.povm.chaincode.job.JobResultsTest.SLA;
import static io.povm.chaincode.job.JobResultsTest.WORKERS;
import static io.povm.chaincode.job.JobResultsTest.committed;
import static io.povm.chaincode.job.JobResultsTest.draw;
import static io.povm.chaincode.job.JobResultsTest.running;
import static io.povm.chaincode.job.JobResultsTest.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.Dispute;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.PovmException;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.api.Submitter;
import io.povm.api.Verdict;
import io.povm.api.WorkerRecord;
import io.povm.chaincode.assignment.Candidate;
import io.povm.chaincode.clock.MultipartyClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class JobConsensusTest {
    private static final Set<String> MEMBERS = Set.of("Org1MSP", "Org2MSP", "Org3MSP");
    private static final List<Candidate> MORE_WORKERS = List.of(
            new Candidate("Org1MSP/w1", "Org1MSP"),
            new Candidate("Org2MSP/w1", "Org2MSP"),
            new Candidate("Org3MSP/w1", "Org3MSP"),
            new Candidate("Org1MSP/w2", "Org1MSP"),
            new Candidate("Org2MSP/w2", "Org2MSP"));

    /** The job and the reveals stored so far. */
    private record Run(Job job, Map<Integer, Reveal> reveals, List<JobConsensus.RecordChange> records) {}

    /** Reveals every committed replica honestly (or as given) and counts after each reveal, as RevealResult does. */
    private static Run revealAll(final Job committed, final Map<Integer, Reveal> before, final List<Candidate> pool) {
        Job job = committed;
        final Map<Integer, Reveal> reveals = new HashMap<>(before);
        final List<JobConsensus.RecordChange> records = new ArrayList<>();
        for (final Replica r : committed.replicas()) {
            if (r.state() != ReplicaState.RESULT_COMMITTED) {
                continue;
            }
            final Reveal reveal = OUTPUTS.get(r.index());
            job = JobResults.reveal(job, r.index(), worker(job, r.index()), reveal, SLA, Answers.KEYS.getPublic(), AT)
                    .job();
            reveals.put(r.index(), reveal);
            final Job current = job;
            final JobConsensus.Step step = JobConsensus.count(current, SLA, () -> draw(pool), reveals, AT);
            job = step.job();
            records.addAll(step.records());
        }
        return new Run(job, reveals, records);
    }

    private static final Map<Integer, Reveal> OUTPUTS = new HashMap<>();

    /** Commits the running replicas to {@code outputs} and remembers their reveals. */
    private static Job commit(final Job job, final String... outputs) {
        final Job done = committed(job, outputs);
        for (int i = 0; i < outputs.length; i++) {
            final int index = job.replicas().size() - outputs.length + i;
            OUTPUTS.put(index, Answers.reveal(done, index, SLA, outputs[i], Answers.leaves(outputs[i], 8)));
        }
        return done;
    }

    private static Job acknowledgeNew(final Job job) {
        Job next = job;
        for (final Replica r : job.replicas()) {
            if (r.state() == ReplicaState.ASSIGNED) {
                next = JobAssignment.acknowledge(next, r.index(), worker(next, r.index()), AT, SLA);
            }
        }
        return next;
    }

    private static long count(final List<JobConsensus.RecordChange> records, final String worker) {
        WorkerRecord record = WorkerRecord.empty(worker);
        for (final JobConsensus.RecordChange change : records) {
            if (change.workerKey().equals(worker)) {
                record = change.change().apply(record);
            }
        }
        return record.agreements() * 100 + record.disagreements();
    }

    @Test
    void k_vote_takes_the_majority_answer_and_records_who_disagreed() {
        final Job job = commit(running(3), "right", "wrong", "right");

        final Run run = revealAll(job, Map.of(), WORKERS);

        final Verdict verdict = run.job().verdict().orElseThrow();
        assertThat(run.job().state()).isEqualTo(JobState.RESOLVED_SOFT);
        assertThat(verdict.stage()).isEqualTo(Verdict.SOFT);
        assertThat(verdict.resultHash())
                .isEqualTo(Answers.result("right", List.of()).resultHash());
        final String wrongWorker = job.replicas().get(1).workerKey();
        assertThat(verdict.disagreed()).containsExactly(wrongWorker);
        assertThat(verdict.agreed()).hasSize(2).doesNotContain(wrongWorker);
        assertThat(verdict.answers()).hasSize(2);
        assertThat(run.job().resolution().challengeBy()).contains("2026-11-21T10:01:00.000Z");
        assertThat(count(run.records(), wrongWorker)).isEqualTo(1);
        assertThat(count(run.records(), verdict.agreed().get(0))).isEqualTo(100);
    }

    @Test
    void an_agreeing_worker_that_inflates_its_wall_time_gets_a_usage_violation_in_its_record_and_still_agrees() {
        final Job committed = commit(running(3), "right", "right", "right");
        final List<Replica> replicas = new ArrayList<>();
        for (final Replica r : committed.replicas()) {
            final ReplicaResult honest = Answers.result("right", List.of());
            final long wall = r.index() == 2 ? SLA.vm().maxWallSeconds() * 1000L - 1 : 200 + r.index();
            replicas.add(r.revealed(ReplicaResult.builder()
                    .resultHash(honest.resultHash())
                    .exitCode(0)
                    .wallMillis(wall)
                    .cpuMillis(100)
                    .peakMemoryBytes(1)
                    .outputBytes(honest.outputBytes())
                    .checkpointRoot(honest.checkpointRoot())
                    .checkpoints(0)
                    .build()));
        }
        final Job revealed = committed.withReplicas(replicas);
        final String inflater = replicas.get(2).workerKey();

        final JobConsensus.Step step = JobConsensus.count(revealed, SLA, () -> draw(WORKERS), Map.of(), AT);

        final Verdict verdict = step.job().verdict().orElseThrow();
        assertThat(verdict.agreed()).contains(inflater);
        assertThat(verdict.violations()).singleElement().satisfies(v -> {
            assertThat(v.who()).isEqualTo(inflater);
            assertThat(v.kind()).isEqualTo(Verdict.Violation.USAGE);
            assertThat(v.forfeitsPay()).isFalse();
            assertThat(v.detail()).contains("support 201 ms");
        });
        final WorkerRecord record = WorkerRecord.empty(inflater);
        assertThat(JobConsensus.RecordChange.byWorker(step.records())
                        .get(inflater)
                        .apply(record)
                        .violations())
                .isEqualTo(1);
        assertThat(JobConsensus.RecordChange.byWorker(step.records())
                        .get(replicas.get(0).workerKey())
                        .apply(WorkerRecord.empty(replicas.get(0).workerKey()))
                        .violations())
                .isZero();
    }

    @Test
    void k_vote_without_a_majority_fails_with_every_answer_recorded() {
        final Run run = revealAll(commit(running(3), "a", "b", "c"), Map.of(), WORKERS);

        assertThat(run.job().state()).isEqualTo(JobState.FAILED);
        assertThat(run.job().verdict().orElseThrow().stage()).isEqualTo(Verdict.NONE);
        assertThat(run.job().verdict().orElseThrow().answers()).hasSize(3);
        assertThat(run.job().stateReason().orElseThrow())
                .contains("no answer won")
                .contains("1 of 3");
    }

    @Test
    void iterative_redundancy_settles_with_its_minimum_when_the_answers_agree() {
        final Run run = revealAll(commit(running(Redundancy.iterative(2, 2, 5)), "a", "a"), Map.of(), MORE_WORKERS);

        assertThat(run.job().state()).isEqualTo(JobState.RESOLVED_SOFT);
        assertThat(run.job().replicas()).hasSize(2);
    }

    @Test
    void iterative_redundancy_with_a_faulty_worker_adds_replicas_until_the_margin_is_reached() {
        Job job = commit(running(Redundancy.iterative(2, 2, 5)), "a", "bad");
        Run run = revealAll(job, Map.of(), MORE_WORKERS);
        int rounds = 0;
        while (run.job().state() == JobState.RUNNING && rounds++ < 5) {
            final Job more = acknowledgeNew(run.job());
            run = revealAll(commit(more, "a"), run.reveals(), MORE_WORKERS);
        }

        assertThat(run.job().state()).isEqualTo(JobState.RESOLVED_SOFT);
        assertThat(run.job().replicas()).hasSize(4);
        assertThat(run.job().verdict().orElseThrow().resultHash())
                .isEqualTo(Answers.result("a", List.of()).resultHash());
        assertThat(run.job().replicas().stream().map(Replica::workerKey).distinct())
                .as("no worker runs a replica of the job twice")
                .hasSize(4);
    }

    @Test
    void iterative_redundancy_fails_at_its_cap_without_the_margin() {
        Run run = revealAll(commit(running(Redundancy.iterative(2, 2, 3)), "a", "b"), Map.of(), MORE_WORKERS);
        run = revealAll(commit(acknowledgeNew(run.job()), "c"), run.reveals(), MORE_WORKERS);

        assertThat(run.job().state()).isEqualTo(JobState.FAILED);
        assertThat(run.job().verdict().orElseThrow().answers()).hasSize(3);
    }

    @Test
    void an_overdue_reveal_is_closed_only_once_the_other_orgs_clocks_passed_it_and_counts_as_a_timeout() {
        final Job job = commit(running(3), "a", "a", "a");
        final Job twoRevealed = revealOnly(job, 0, 1);
        final String silent = job.replicas().get(2).msp();
        final Instant after = Instant.parse("2026-11-21T10:02:00Z");
        final MultipartyClock onlyOwnOrg = new MultipartyClock(MEMBERS, Map.of(silent, after));
        final MultipartyClock others =
                new MultipartyClock(MEMBERS, Map.of("Org1MSP", after, "Org2MSP", after, "Org3MSP", after));

        final JobConsensus.Step early =
                JobConsensus.advance(twoRevealed, SLA, onlyOwnOrg, () -> draw(WORKERS), Map.of(), AT);
        final JobConsensus.Step late =
                JobConsensus.advance(twoRevealed, SLA, others, () -> draw(WORKERS), Map.of(), AT);

        assertThat(early.job()).isEqualTo(twoRevealed);
        assertThat(late.job().replicas().get(2).state()).isEqualTo(ReplicaState.UNREVEALED);
        assertThat(late.job().state()).isEqualTo(JobState.RESOLVED_SOFT);
        assertThat(late.job().verdict().orElseThrow().timedOut())
                .containsExactly(job.replicas().get(2).workerKey());
        WorkerRecord silentRecord = WorkerRecord.empty(job.replicas().get(2).workerKey());
        for (final JobConsensus.RecordChange change : late.records()) {
            if (change.workerKey().equals(silentRecord.workerKey())) {
                silentRecord = change.change().apply(silentRecord);
            }
        }
        assertThat(silentRecord.timeouts()).isEqualTo(1);
    }

    private static Job revealOnly(final Job job, final int... indexes) {
        Job next = job;
        for (final int i : indexes) {
            next = JobResults.reveal(next, i, worker(next, i), OUTPUTS.get(i), SLA, Answers.KEYS.getPublic(), AT)
                    .job();
        }
        return next;
    }

    @Test
    void a_challenged_wrong_verdict_is_overturned_by_the_rerun_and_the_bisection_names_the_first_divergence() {
        final Job single = running(Redundancy.kVote(1));
        final Job job = committed(single, "wrong");
        final String wrongWorker = job.replicas().get(0).workerKey();
        final Reveal wrong = Answers.reveal(job, 0, SLA, "wrong", divergingFrom(Answers.leaves("right", 8), 5));
        final Job withWrongCommit = single;
        Job soft = JobResults.commit(
                withWrongCommit,
                0,
                worker(withWrongCommit, 0),
                wrong.attestation().commitment(),
                SLA,
                AT);
        soft = JobResults.reveal(soft, 0, worker(soft, 0), wrong, SLA, Answers.KEYS.getPublic(), AT)
                .job();
        final Map<Integer, Reveal> reveals = new HashMap<>(Map.of(0, wrong));
        soft = JobConsensus.count(soft, SLA, () -> draw(WORKERS), reveals, AT).job();
        assertThat(soft.state()).isEqualTo(JobState.RESOLVED_SOFT);

        final Submitter challenger = new Submitter("Org1MSP", "x509::user1");
        final JobDisputes.Challenge challenge = JobDisputes.challenge(
                soft, challenger, "wrong flips", SLA, new MultipartyClock(MEMBERS, Map.of()), draw(WORKERS));
        final Job resolving = challenge.job();
        assertThat(resolving.state()).isEqualTo(JobState.RESOLVING);
        assertThat(challenge.deposit()).isEqualTo(10L * 3600);
        final Replica rerun = resolving.replicas().get(1);
        assertThat(rerun.rerun()).isTrue();
        assertThat(rerun.msp()).isNotEqualTo(soft.replicas().get(0).msp());

        final Reveal right = Answers.reveal(resolving, 1, SLA, "right", Answers.leaves("right", 8));
        reveals.put(1, right);
        final JobConsensus.Step firm = rerunAnswers(resolving, 1, right, reveals);

        assertThat(firm.job().state()).isEqualTo(JobState.RESOLVED_FIRM);
        final Dispute dispute = firm.job().dispute().orElseThrow();
        assertThat(dispute.outcome()).isEqualTo(Dispute.OVERTURNED);
        assertThat(dispute.firstDivergence().index()).isEqualTo(5);
        assertThat(firm.job().verdict().orElseThrow().resultHash())
                .isEqualTo(right.attestation().resultHash());
        assertThat(firm.job().verdict().orElseThrow().disagreed()).containsExactly(wrongWorker);
        WorkerRecord wrongRecord = WorkerRecord.empty(wrongWorker).withAgreement();
        for (final JobConsensus.RecordChange change : firm.records()) {
            if (change.workerKey().equals(wrongWorker)) {
                wrongRecord = change.change().apply(wrongRecord);
            }
        }
        assertThat(wrongRecord.agreements()).isZero();
        assertThat(wrongRecord.disagreements()).isEqualTo(1);
        assertThat(JobDisputes.finalizeJob(firm.job(), new MultipartyClock(MEMBERS, Map.of()), AT)
                        .state())
                .isEqualTo(JobState.FINALIZED);
    }

    @Test
    void a_random_audit_reruns_a_single_replica_job_elsewhere_without_a_deposit_and_an_agreeing_rerun_upholds_it() {
        final Job single = running(Redundancy.kVote(1));
        final Job committed = commit(single, "right");
        final Run run = revealAll(committed, Map.of(), WORKERS);
        final Job soft = run.job();
        assertThat(soft.state()).isEqualTo(JobState.RESOLVED_SOFT);

        final Job resolving = JobDisputes.audit(soft, new Submitter("Org2MSP", "x509::daemon2"), 7, draw(WORKERS));

        assertThat(resolving.state()).isEqualTo(JobState.RESOLVING);
        final Dispute opened = resolving.dispute().orElseThrow();
        assertThat(opened.audit()).contains(7L);
        assertThat(opened.deposit()).isZero();
        assertThat(opened.rerunReplicas()).isEqualTo(1);
        assertThat(opened.reason()).isEqualTo("random audit selected by beacon round 7");
        final Replica rerun = resolving.replicas().get(1);
        assertThat(rerun.rerun()).isTrue();
        assertThat(rerun.msp()).isNotEqualTo(soft.replicas().get(0).msp());

        final Reveal again = Answers.reveal(resolving, 1, SLA, "right", Answers.leaves("right", 8));
        final Map<Integer, Reveal> reveals = new HashMap<>(run.reveals());
        reveals.put(1, again);
        final JobConsensus.Step firm = rerunAnswers(resolving, 1, again, reveals);

        assertThat(firm.job().state()).isEqualTo(JobState.RESOLVED_FIRM);
        final Dispute decided = firm.job().dispute().orElseThrow();
        assertThat(decided.outcome()).isEqualTo(Dispute.UPHELD);
        assertThat(decided.audit())
                .as("the decided dispute still names its audit round")
                .contains(7L);
    }

    @Test
    void an_audit_weighs_as_much_as_the_verdict_so_it_needs_as_many_fresh_workers_as_the_first_run() {
        final Job soft =
                revealAll(commit(running(3), "a", "a", "a"), Map.of(), WORKERS).job();
        final Submitter auditor = new Submitter("Org1MSP", "x509::daemon1");

        assertThat(JobDisputes.auditable(soft, draw(MORE_WORKERS))).isFalse();
        assertThatThrownBy(() -> JobDisputes.audit(soft, auditor, 3, draw(MORE_WORKERS)))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
                    assertThat(e.error().field()).isEqualTo("workers");
                    assertThat(e.error().reason())
                            .contains("needs 3 worker(s) that never held")
                            .contains("only 2");
                });

        final List<Candidate> six = new ArrayList<>(MORE_WORKERS);
        six.add(new Candidate("Org3MSP/w2", "Org3MSP"));
        assertThat(JobDisputes.auditable(soft, draw(six))).isTrue();
        final Job audited = JobDisputes.audit(soft, auditor, 3, draw(six));
        final Set<String> first = Set.of(
                soft.replicas().get(0).workerKey(),
                soft.replicas().get(1).workerKey(),
                soft.replicas().get(2).workerKey());
        assertThat(audited.replicas().subList(3, 6)).allSatisfy(r -> {
            assertThat(r.rerun()).isTrue();
            assertThat(first).doesNotContain(r.workerKey());
        });
    }

    @Test
    void only_a_job_with_a_soft_verdict_is_audited() {
        final Job running = running(3);

        assertThatThrownBy(() -> JobDisputes.audit(running, new Submitter("Org1MSP", "x509::d"), 3, draw(WORKERS)))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
                    assertThat(e.error().reason()).contains("only a RESOLVED_SOFT job is audited");
                });
    }

    /** The re-run replica {@code index} acknowledges, commits and reveals {@code reveal}; then the dispute is counted. */
    private static JobConsensus.Step rerunAnswers(
            final Job resolving, final int index, final Reveal reveal, final Map<Integer, Reveal> reveals) {
        Job job = JobAssignment.acknowledge(resolving, index, worker(resolving, index), AT, SLA);
        job = JobResults.commit(
                job, index, worker(job, index), reveal.attestation().commitment(), SLA, AT);
        job = JobResults.reveal(job, index, worker(job, index), reveal, SLA, Answers.KEYS.getPublic(), AT)
                .job();
        return JobConsensus.count(job, SLA, () -> draw(WORKERS), reveals, AT);
    }

    private static List<String> divergingFrom(final List<String> leaves, final int from) {
        final List<String> changed = new ArrayList<>(leaves);
        for (int i = from; i < changed.size(); i++) {
            changed.set(i, Answers.nonce("diverged" + i));
        }
        return changed;
    }

    @Test
    void a_soft_verdict_is_finalized_only_after_a_majority_of_clocks_passed_its_challenge_window() {
        final Job soft =
                revealAll(commit(running(3), "a", "a", "a"), Map.of(), WORKERS).job();
        final Instant after = Instant.parse("2026-11-21T10:02:00Z");
        final MultipartyClock one = new MultipartyClock(MEMBERS, Map.of("Org1MSP", after));
        final MultipartyClock two = new MultipartyClock(MEMBERS, Map.of("Org1MSP", after, "Org2MSP", after));

        assertThatThrownBy(() -> JobDisputes.finalizeJob(soft, one, AT))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
                    assertThat(e.error().reason()).contains("still open");
                });
        assertThat(JobDisputes.finalizeJob(soft, two, AT).state()).isEqualTo(JobState.FINALIZED);
        assertThatThrownBy(() -> JobDisputes.challenge(
                        soft, new Submitter("Org3MSP", "x509::u3"), "late", SLA, two, draw(WORKERS)))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().reason()).contains("challenge window"));
    }

    @Test
    void a_challenge_without_enough_fresh_workers_is_refused_and_changes_nothing() {
        final Job soft =
                revealAll(commit(running(3), "a", "a", "a"), Map.of(), WORKERS).job();

        assertThatThrownBy(() -> JobDisputes.challenge(
                        soft,
                        new Submitter("Org1MSP", "x509::user1"),
                        "",
                        SLA,
                        new MultipartyClock(MEMBERS, Map.of()),
                        draw(WORKERS)))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().field()).isEqualTo("workers");
                    assertThat(e.error().reason()).contains("needs 3 worker(s) that never held");
                });
    }

    @Test
    void adaptive_replication_spot_checks_an_untrusted_worker_with_a_k_vote() {
        Run run = revealAll(commit(running(Redundancy.adaptive(3)), "a"), Map.of(), WORKERS);
        assertThat(run.job().state()).isEqualTo(JobState.RUNNING);
        assertThat(run.job().replicas()).hasSize(3);

        run = revealAll(commit(acknowledgeNew(run.job()), "a", "a"), run.reveals(), WORKERS);

        assertThat(run.job().state()).isEqualTo(JobState.RESOLVED_SOFT);
        assertThat(run.job().verdict().orElseThrow().agreed()).hasSize(3);
    }

    @Test
    void adaptive_replication_accepts_a_trusted_workers_answer_alone_when_the_spot_check_passes_it_by() {
        final Job job = commit(running(Redundancy.adaptive(3)), "a");
        final Job revealed = revealOnly(job, 0);

        final JobConsensus.Step step = JobConsensus.count(revealed, SLA, () -> draw(WORKERS), Map::of, r -> true, AT);

        assertThat(step.job().state()).isEqualTo(JobState.RESOLVED_SOFT);
        assertThat(step.job().replicas()).hasSize(1);
        assertThat(step.job().verdict().orElseThrow().reason()).contains("not drawn for a spot check");
    }

    @Test
    void every_change_of_one_worker_folds_into_one_write_in_order() {
        final Map<String, UnaryOperator<WorkerRecord>> folded = JobConsensus.RecordChange.byWorker(List.of(
                new JobConsensus.RecordChange("Org1MSP/w1", WorkerRecord::withResult),
                new JobConsensus.RecordChange("Org2MSP/w1", WorkerRecord::withFault),
                new JobConsensus.RecordChange("Org1MSP/w1", WorkerRecord::withAgreement),
                new JobConsensus.RecordChange("Org1MSP/w1", WorkerRecord::withViolation)));

        assertThat(folded).containsOnlyKeys("Org1MSP/w1", "Org2MSP/w1");
        final WorkerRecord one = folded.get("Org1MSP/w1").apply(WorkerRecord.empty("Org1MSP/w1"));
        assertThat(one.results()).isEqualTo(1);
        assertThat(one.agreements()).isEqualTo(1);
        assertThat(one.violations()).isEqualTo(1);
        assertThat(one.streak())
                .as("the violation after the agreement ends the streak")
                .isZero();
    }
}
