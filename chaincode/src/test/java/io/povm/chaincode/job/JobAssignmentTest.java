// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.LeaseTerms;
import io.povm.api.PovmException;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.SlaSpec;
import io.povm.api.Slas;
import io.povm.api.Specs;
import io.povm.api.Submitter;
import io.povm.chaincode.assignment.Candidate;
import io.povm.chaincode.assignment.InterimTxSeedSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JobAssignmentTest {
    private static final String AT = "2026-11-20T10:01:00.000Z";
    private static final List<Candidate> WORKERS = List.of(
            new Candidate("Org1MSP/w1", "Org1MSP"),
            new Candidate("Org2MSP/w1", "Org2MSP"),
            new Candidate("Org2MSP/w2", "Org2MSP"),
            new Candidate("Org3MSP/w1", "Org3MSP"));

    static final SlaSpec SLA = Slas.spec();

    static ReplicaDraw draw(final List<Candidate> workers, final String whyNone, final String txId) {
        return new ReplicaDraw(workers, whyNone, new InterimTxSeedSource(txId), AT, LeaseTerms.DEFAULT);
    }

    private static Job submitted(final int replicas) {
        return Job.submitted(
                Specs.builder().redundancy(Redundancy.kVote(replicas)).build(),
                new Submitter("Org1MSP", "x509::user1"),
                "2026-11-20T10:00:00.000Z",
                "tx-submit");
    }

    private static Job assigned(final int replicas) {
        return JobAssignment.assign(submitted(replicas), draw(WORKERS, "-", "tx-1"));
    }

    @Nested
    class Assign {
        @Test
        void three_replicas_go_to_workers_of_three_orgs_and_the_job_is_assigned() {
            final Job job = assigned(3);

            assertThat(job.state()).isEqualTo(JobState.ASSIGNED);
            assertThat(job.replicas())
                    .extracting(Replica::msp)
                    .containsExactlyInAnyOrder("Org1MSP", "Org2MSP", "Org3MSP");
            assertThat(job.replicas()).extracting(Replica::index).containsExactly(0, 1, 2);
            assertThat(job.replicas()).extracting(Replica::state).containsOnly(ReplicaState.ASSIGNED);
        }

        @Test
        void each_replica_must_be_acknowledged_within_the_slas_start_window() {
            final Job job = JobAssignment.assign(
                    submitted(3),
                    new ReplicaDraw(WORKERS, "-", new InterimTxSeedSource("tx-1"), AT, new LeaseTerms(5, 30)));

            assertThat(job.replicas())
                    .extracting(Replica::acknowledgeBy)
                    .containsOnly(Optional.of("2026-11-20T10:01:05.000Z"));
            assertThat(job.replicas()).extracting(Replica::finishBy).containsOnly(Optional.empty());
        }

        @Test
        void the_same_transaction_id_gives_every_endorser_the_same_assignment() {
            assertThat(assigned(3)).isEqualTo(assigned(3));
        }

        @Test
        void fewer_orgs_than_replicas_still_assigns_and_records_why() {
            final Job job = JobAssignment.assign(submitted(3), draw(WORKERS.subList(0, 2), "-", "tx-1"));

            assertThat(job.replicas()).hasSize(2);
            assertThat(job.stateReason())
                    .hasValueSatisfying(reason -> assertThat(reason).startsWith("only 2 of 3 replicas assigned"));
        }

        @Test
        void a_short_draw_waits_when_more_orgs_serve_the_sla_but_their_workers_are_busy() {
            final ReplicaDraw busy = new ReplicaDraw(
                    WORKERS.subList(0, 2), "-", new InterimTxSeedSource("tx-1"), AT, LeaseTerms.DEFAULT, 3);

            assertThatThrownBy(() -> JobAssignment.assign(submitted(3), busy))
                    .isInstanceOfSatisfying(PovmException.class, e -> {
                        assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
                        assertThat(e.error().field()).isEqualTo("workers");
                        assertThat(e.error().reason())
                                .contains("3 orgs serve its SLA but only 2 have a worker with a free slot now");
                    });
        }

        @Test
        void no_eligible_worker_is_refused_naming_the_constraint() {
            assertThatThrownBy(() -> JobAssignment.assign(
                            submitted(1), draw(List.of(), "no ACTIVE worker serves SLA standard@1", "tx-1")))
                    .isInstanceOfSatisfying(PovmException.class, e -> {
                        assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
                        assertThat(e.error().field()).isEqualTo("workers");
                        assertThat(e.error().reason()).endsWith("no ACTIVE worker serves SLA standard@1");
                    });
        }

        @Test
        void a_cancelled_job_cannot_be_assigned() {
            final Job cancelled = JobLifecycle.apply(submitted(1), JobEvent.CANCEL, AT);

            assertThatThrownBy(() -> JobAssignment.assign(cancelled, draw(WORKERS, "-", "t")))
                    .isInstanceOfSatisfying(
                            PovmException.class,
                            e -> assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE));
        }

        @Test
        void an_assigned_job_cannot_be_assigned_again() {
            assertThatThrownBy(() -> JobAssignment.assign(assigned(1), draw(WORKERS, "-", "t")))
                    .isInstanceOf(PovmException.class);
        }
    }

    @Nested
    class Acknowledge {
        @Test
        void the_assigned_worker_starts_its_replica_and_the_job_runs() {
            final Job job = assigned(3);
            final Replica first = job.replicas().get(0);

            final Job running = JobAssignment.acknowledge(job, 0, Optional.of(first.workerKey()), AT, SLA);

            assertThat(running.state()).isEqualTo(JobState.RUNNING);
            assertThat(running.replicas().get(0).state()).isEqualTo(ReplicaState.RUNNING);
            assertThat(running.replicas().get(1).state()).isEqualTo(ReplicaState.ASSIGNED);
        }

        @Test
        void an_acknowledged_replica_must_finish_within_the_wall_time_plus_the_margin() {
            final Job job = assigned(1);
            final Job running = JobAssignment.acknowledge(
                    job, 0, Optional.of(job.replicas().get(0).workerKey()), "2026-11-20T10:02:00.000Z", SLA);

            final long wallPlusMargin = SLA.vm().maxWallSeconds() + LeaseTerms.DEFAULT.finishMarginSeconds();
            assertThat(running.replicas().get(0).finishBy())
                    .contains(java.time.Instant.parse("2026-11-20T10:02:00Z")
                            .plusSeconds(wallPlusMargin)
                            .toString()
                            .replace("Z", ".000Z"));
        }

        @Test
        void a_second_replica_acknowledged_keeps_the_job_running() {
            final Job job = assigned(3);
            final Job one = JobAssignment.acknowledge(
                    job, 0, Optional.of(job.replicas().get(0).workerKey()), AT, SLA);

            final Job two = JobAssignment.acknowledge(
                    one, 1, Optional.of(job.replicas().get(1).workerKey()), AT, SLA);

            assertThat(two.state()).isEqualTo(JobState.RUNNING);
            assertThat(two.replicas().get(1).state()).isEqualTo(ReplicaState.RUNNING);
        }

        @Test
        void another_orgs_worker_cannot_acknowledge_the_replica() {
            final Job job = assigned(3);
            final Replica first = job.replicas().get(0);
            final String other = job.replicas().get(1).workerKey();

            assertThatThrownBy(() -> JobAssignment.acknowledge(job, 0, Optional.of(other), AT, SLA))
                    .isInstanceOfSatisfying(PovmException.class, e -> {
                        assertThat(e.error().code()).isEqualTo(ErrorCode.FORBIDDEN);
                        assertThat(e.error().reason())
                                .contains("only the worker assigned to replica 0 (" + first.workerKey() + ")");
                    });
        }

        @Test
        void an_identity_that_is_no_worker_cannot_acknowledge() {
            assertThatThrownBy(() -> JobAssignment.acknowledge(assigned(1), 0, Optional.empty(), AT, SLA))
                    .isInstanceOfSatisfying(
                            PovmException.class,
                            e -> assertThat(e.error().reason()).endsWith("caller is not a registered worker"));
        }

        @Test
        void a_replica_index_the_job_does_not_have_is_invalid() {
            assertThatThrownBy(() -> JobAssignment.acknowledge(assigned(1), 1, Optional.of("x"), AT, SLA))
                    .isInstanceOfSatisfying(
                            PovmException.class,
                            e -> assertThat(e.error().field()).isEqualTo("replica"));
        }

        @Test
        void a_replica_cannot_be_acknowledged_twice() {
            final Job job = assigned(1);
            final Optional<String> worker = Optional.of(job.replicas().get(0).workerKey());
            final Job running = JobAssignment.acknowledge(job, 0, worker, AT, SLA);

            assertThatThrownBy(() -> JobAssignment.acknowledge(running, 0, worker, AT, SLA))
                    .isInstanceOfSatisfying(
                            PovmException.class,
                            e -> assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE));
        }
    }
}
