package io.povm.chaincode.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.LeaseTerms;
import io.povm.api.PovmException;
import io.povm.api.Redundancy;
import io.povm.api.ReplicaResult;
import io.povm.api.ReplicaState;
import io.povm.api.SlaSpec;
import io.povm.api.Slas;
import io.povm.api.Specs;
import io.povm.api.Submitter;
import io.povm.chaincode.assignment.Candidate;
import io.povm.chaincode.assignment.InterimTxSeedSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobResultsTest {
    private static final String AT = "2026-11-21T10:00:00.000Z";
    private static final SlaSpec SLA = Slas.spec();
    private static final List<Candidate> WORKERS = List.of(
            new Candidate("Org1MSP/w1", "Org1MSP"),
            new Candidate("Org2MSP/w1", "Org2MSP"),
            new Candidate("Org3MSP/w1", "Org3MSP"));

    static ReplicaResult result(final String hashDigit) {
        return ReplicaResult.builder()
                .resultHash(hashDigit.repeat(64))
                .exitCode(0)
                .wallMillis(800)
                .cpuMillis(700)
                .peakMemoryBytes(1 << 20)
                .outputBytes(40)
                .checkpointRoot("c".repeat(64))
                .checkpoints(3)
                .output(Optional.of("{\"flips\":6}"))
                .build();
    }

    private static Job running(final int replicas) {
        final Job submitted = Job.submitted(
                Specs.builder().redundancy(Redundancy.kVote(replicas)).build(),
                new Submitter("Org1MSP", "x509::user1"),
                "2026-11-21T09:59:00.000Z",
                "tx-submit");
        Job job = JobAssignment.assign(
                submitted, new ReplicaDraw(WORKERS, "-", new InterimTxSeedSource("t"), AT, LeaseTerms.DEFAULT));
        for (int i = 0; i < replicas; i++) {
            job = JobAssignment.acknowledge(job, i, worker(job, i), AT, SLA);
        }
        return job;
    }

    private static Optional<String> worker(final Job job, final int index) {
        return Optional.of(job.replicas().get(index).workerKey());
    }

    @Test
    void a_report_stores_the_result_and_keeps_the_job_running_while_others_run() {
        final Job job = running(3);

        final Job reported = JobResults.report(job, 1, worker(job, 1), result("a"), SLA, AT);

        assertThat(reported.state()).isEqualTo(JobState.RUNNING);
        assertThat(reported.replicas().get(1).state()).isEqualTo(ReplicaState.RESULT_COMMITTED);
        assertThat(reported.replicas().get(1).result()).contains(result("a"));
    }

    @Test
    void the_last_report_moves_the_job_to_results_pending() {
        Job job = running(3);
        for (int i = 0; i < 3; i++) {
            job = JobResults.report(job, i, worker(job, i), result("a"), SLA, AT);
        }

        assertThat(job.state()).isEqualTo(JobState.RESULTS_PENDING);
    }

    @Test
    void reporting_the_identical_result_again_changes_nothing_and_a_different_one_is_refused() {
        final Job job = running(3);
        final Job once = JobResults.report(job, 0, worker(job, 0), result("a"), SLA, AT);

        assertThat(JobResults.report(once, 0, worker(job, 0), result("a"), SLA, AT))
                .isSameAs(once);
        assertThatThrownBy(() -> JobResults.report(once, 0, worker(job, 0), result("b"), SLA, AT))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE));
    }

    @Test
    void only_the_replicas_worker_may_report_it() {
        final Job job = running(3);

        assertThatThrownBy(() -> JobResults.report(job, 0, worker(job, 1), result("a"), SLA, AT))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.error().reason()).contains("may report it");
                });
    }

    @Test
    void an_unacknowledged_replica_cannot_be_reported() {
        final Job job = JobAssignment.assign(
                running(1).withReplicas(List.of()).withState(JobState.SUBMITTED, AT, Optional.empty()),
                new ReplicaDraw(WORKERS, "-", new InterimTxSeedSource("t"), AT, LeaseTerms.DEFAULT));

        assertThatThrownBy(() -> JobResults.report(job, 0, worker(job, 0), result("a"), SLA, AT))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().reason())
                                .isEqualTo("replica 0 is ASSIGNED; only a RUNNING replica can be reported"));
    }

    @Test
    void more_output_than_the_sla_allows_is_refused_naming_the_limit() {
        final Job job = running(1);
        final ReplicaResult big = ReplicaResult.builder()
                .resultHash("a".repeat(64))
                .outputBytes(SLA.job().maxOutputBytes() + 1)
                .checkpointRoot("c".repeat(64))
                .build();

        assertThatThrownBy(() -> JobResults.report(job, 0, worker(job, 0), big, SLA, AT))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().field()).isEqualTo("result.outputBytes"));
    }
}
