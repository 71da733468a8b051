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
import io.povm.api.Specs;
import io.povm.api.Submitter;
import io.povm.chaincode.assignment.Candidate;
import io.povm.chaincode.assignment.InterimTxSeedSource;
import io.povm.chaincode.clock.MultipartyClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JobLeasesTest {
    private static final String ASSIGNED_AT = "2026-11-21T10:00:00.000Z";
    private static final String LATER = "2026-11-21T10:05:00.000Z";
    private static final Set<String> MEMBERS = Set.of("Org1MSP", "Org2MSP", "Org3MSP");
    private static final List<Candidate> WORKERS = List.of(
            new Candidate("Org1MSP/w1", "Org1MSP"),
            new Candidate("Org2MSP/w1", "Org2MSP"),
            new Candidate("Org3MSP/w1", "Org3MSP"));

    private static ReplicaDraw draw(final List<Candidate> workers, final String at) {
        return new ReplicaDraw(workers, "none left", new InterimTxSeedSource("tx-x"), at, new LeaseTerms(5, 10));
    }

    private static Job assigned(final int replicas) {
        final Job submitted = Job.submitted(
                Specs.builder().redundancy(Redundancy.kVote(replicas)).build(),
                new Submitter("Org1MSP", "x509::user1"),
                "2026-11-21T09:59:00.000Z",
                "tx-submit");
        return JobAssignment.assign(submitted, draw(WORKERS, ASSIGNED_AT));
    }

    /** Every member org except {@code except} ticked at {@code at}. */
    private static MultipartyClock ticked(final String at, final String... except) {
        MultipartyClock clock = new MultipartyClock(MEMBERS, Map.of());
        for (String msp : MEMBERS) {
            if (!List.of(except).contains(msp)) {
                clock = clock.tick(msp, Instant.parse(at));
            }
        }
        return clock;
    }

    @Nested
    class Expire {
        @Test
        void an_unacknowledged_lease_expires_and_the_replica_moves_to_another_orgs_worker() {
            final Job job = assigned(1);
            final Replica lost = job.replicas().get(0);

            final ReplicaChange change = JobLeases.expire(job, 0, ticked(LATER), draw(WORKERS, LATER));

            assertThat(change.job().replicas().get(0).state()).isEqualTo(ReplicaState.LEASE_EXPIRED);
            assertThat(change.replacement()).hasValueSatisfying(replica -> {
                assertThat(replica.index()).isEqualTo(1);
                assertThat(replica.msp()).isNotEqualTo(lost.msp());
                assertThat(replica.state()).isEqualTo(ReplicaState.ASSIGNED);
                assertThat(replica.acknowledgeBy()).contains("2026-11-21T10:05:05.000Z");
            });
            assertThat(change.job().replicas()).hasSize(2);
            assertThat(change.job().state()).isEqualTo(JobState.ASSIGNED);
        }

        @Test
        void the_replacement_avoids_every_org_that_holds_another_replica() {
            final Job job = assigned(3);
            final Replica lost = job.replicas().get(0);

            final ReplicaChange change = JobLeases.expire(job, 0, ticked(LATER), draw(WORKERS, LATER));

            assertThat(change.replacement()).isEmpty();
            assertThat(change.job().state()).isEqualTo(JobState.ASSIGNED);
            assertThat(change.job().replicas().get(0).state()).isEqualTo(ReplicaState.LEASE_EXPIRED);
            assertThat(change.job().replicas()).hasSize(3);
            assertThat(lost.msp()).isIn(MEMBERS);
        }

        @Test
        void the_affected_orgs_own_clock_never_counts() {
            final Job job = assigned(1);
            final String affected = job.replicas().get(0).msp();
            final String other = MEMBERS.stream()
                    .filter(msp -> !msp.equals(affected))
                    .findFirst()
                    .orElseThrow();

            assertThatThrownBy(() -> JobLeases.expire(job, 0, ticked(LATER, other), draw(WORKERS, LATER)))
                    .isInstanceOfSatisfying(PovmException.class, e -> {
                        assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
                        assertThat(e.error().field()).isEqualTo("deadline");
                        assertThat(e.error().reason())
                                .startsWith("replica 0's lease (acknowledgeBy) cannot expire yet")
                                .contains("1 of the 2 member org clocks needed");
                    });
        }

        @Test
        void a_lease_cannot_expire_before_its_deadline() {
            final Job job = assigned(1);

            assertThatThrownBy(() -> JobLeases.expire(job, 0, ticked("2026-11-21T10:00:04.999Z"), draw(WORKERS, LATER)))
                    .isInstanceOfSatisfying(
                            PovmException.class,
                            e -> assertThat(e.error().field()).isEqualTo("deadline"));
        }

        @Test
        void a_running_replica_expires_after_its_finish_deadline_only() {
            final Job job = assigned(1);
            final Job running = JobAssignment.acknowledge(
                    job, 0, Optional.of(job.replicas().get(0).workerKey()), "2026-11-21T10:00:01.000Z", sla());
            final String finishBy = running.replicas().get(0).finishBy().orElseThrow();

            assertThatThrownBy(() -> JobLeases.expire(running, 0, ticked(LATER), draw(WORKERS, LATER)))
                    .isInstanceOf(PovmException.class);
            final String after = Instant.parse(finishBy).plusSeconds(1).toString();
            final ReplicaChange change = JobLeases.expire(running, 0, ticked(after), draw(WORKERS, after));
            assertThat(change.job().replicas().get(0).state()).isEqualTo(ReplicaState.LEASE_EXPIRED);
            assertThat(change.job().state()).isEqualTo(JobState.RUNNING);
        }

        @Test
        void the_last_replica_expiring_with_no_other_org_fails_the_job_and_says_why() {
            final Job job = assigned(1);
            final String msp = job.replicas().get(0).msp();

            final ReplicaChange change = JobLeases.expire(
                    job,
                    0,
                    ticked(LATER),
                    draw(WORKERS.stream().filter(c -> c.msp().equals(msp)).toList(), LATER));

            assertThat(change.job().state()).isEqualTo(JobState.FAILED);
            assertThat(change.job().stateReason())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("no worker of another org can take it"));
        }

        @Test
        void an_expired_replica_cannot_expire_again() {
            final Job job = assigned(1);
            final Job expired = JobLeases.expire(job, 0, ticked(LATER), draw(WORKERS, LATER))
                    .job();

            assertThatThrownBy(() -> JobLeases.expire(expired, 0, ticked(LATER), draw(WORKERS, LATER)))
                    .isInstanceOfSatisfying(PovmException.class, e -> {
                        assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
                        assertThat(e.error().reason()).contains("is LEASE_EXPIRED");
                    });
        }
    }

    @Nested
    class Release {
        @Test
        void the_worker_gives_its_replica_back_and_it_moves_to_another_org() {
            final Job job = assigned(1);
            final Replica mine = job.replicas().get(0);

            final ReplicaChange change = JobLeases.release(job, 0, Optional.of(mine.workerKey()), draw(WORKERS, LATER));

            assertThat(change.job().replicas().get(0).state()).isEqualTo(ReplicaState.RELEASED);
            assertThat(change.replacement())
                    .hasValueSatisfying(r -> assertThat(r.msp()).isNotEqualTo(mine.msp()));
        }

        @Test
        void a_replica_given_up_by_one_org_after_another_never_returns_to_an_org_that_had_it() {
            Job job = assigned(1);
            for (int i = 0; i < 2; i++) {
                final Replica holder = job.replicas().get(i);
                job = JobLeases.release(job, i, Optional.of(holder.workerKey()), draw(WORKERS, LATER))
                        .job();
            }
            final Replica third = job.replicas().get(2);

            final ReplicaChange last = JobLeases.release(job, 2, Optional.of(third.workerKey()), draw(WORKERS, LATER));

            assertThat(job.replicas()).extracting(Replica::msp).doesNotHaveDuplicates();
            assertThat(last.replacement()).isEmpty();
            assertThat(last.job().state()).isEqualTo(JobState.FAILED);
        }

        @Test
        void only_the_replicas_worker_may_release_it() {
            final Job job = assigned(1);

            assertThatThrownBy(() -> JobLeases.release(job, 0, Optional.of("Org9MSP/x"), draw(WORKERS, LATER)))
                    .isInstanceOfSatisfying(
                            PovmException.class,
                            e -> assertThat(e.error().code()).isEqualTo(ErrorCode.FORBIDDEN));
        }
    }

    static io.povm.api.SlaSpec sla() {
        return io.povm.api.Slas.spec();
    }
}
