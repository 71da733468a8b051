// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.AgreedUsage.Claim;
import io.povm.api.AgreedUsage.Tolerance;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The agreed-usage rule of issue 13: what the agreeing replicas support is what is paid and ticketed. */
class AgreedUsageTest {
    private static final SlaSpec SLA = Slas.spec();

    private static Claim claim(final int replica, final long wallMillis, final long cpuMillis) {
        return new Claim(replica, "Org" + (replica + 1) + "MSP/w1", wallMillis, cpuMillis);
    }

    @Test
    void three_agreeing_replicas_agree_on_the_median_wall_and_cpu_apart() {
        final AgreedUsage usage =
                AgreedUsage.of(List.of(claim(0, 300, 100), claim(1, 200, 300), claim(2, 250, 200)), Tolerance.DEFAULT);

        assertThat(usage.wallMillis()).isEqualTo(250);
        assertThat(usage.cpuMillis()).isEqualTo(200);
        assertThat(usage.overClaims()).isEmpty();
    }

    @Test
    void two_agreeing_replicas_agree_on_the_lower_claim() {
        final AgreedUsage usage =
                AgreedUsage.of(List.of(claim(0, 5_000, 900), claim(1, 4_000, 1_000)), Tolerance.DEFAULT);

        assertThat(usage.wallMillis()).isEqualTo(4_000);
        assertThat(usage.cpuMillis()).isEqualTo(900);
    }

    @Test
    void four_agreeing_replicas_agree_on_the_lower_middle() {
        final AgreedUsage usage = AgreedUsage.of(
                List.of(claim(0, 400, 1), claim(1, 100, 1), claim(2, 300, 1), claim(3, 200, 1)), Tolerance.DEFAULT);

        assertThat(usage.wallMillis()).isEqualTo(200);
    }

    @Test
    void an_inflater_among_three_gets_the_honest_figure_and_is_flagged() {
        final Claim inflated = claim(2, 3_600_000 - 1, 150);

        final AgreedUsage usage =
                AgreedUsage.of(List.of(claim(0, 200, 150), claim(1, 210, 160), inflated), Tolerance.DEFAULT);

        assertThat(usage.wallMillis()).isEqualTo(210);
        assertThat(usage.overClaims()).containsExactly(inflated);
    }

    @Test
    void an_inflated_cpu_claim_alone_is_flagged_too() {
        final Claim inflated = claim(1, 10_000, 40_000);

        final AgreedUsage usage =
                AgreedUsage.of(List.of(claim(0, 10_000, 9_000), inflated, claim(2, 10_000, 9_500)), Tolerance.DEFAULT);

        assertThat(usage.cpuMillis()).isEqualTo(9_500);
        assertThat(usage.overClaims()).containsExactly(inflated);
    }

    @Test
    void claims_within_25_percent_or_within_1_second_are_not_flagged() {
        // 1.2 s above 10 s is 12 %: over 1 s but not over 25 %
        final AgreedUsage long_ = AgreedUsage.of(
                List.of(claim(0, 10_000, 1), claim(1, 10_000, 1), claim(2, 11_200, 1)), Tolerance.DEFAULT);
        // 0.9 s above 0.2 s is 450 %: over 25 % but not over 1 s
        final AgreedUsage short_ =
                AgreedUsage.of(List.of(claim(0, 200, 1), claim(1, 200, 1), claim(2, 1_100, 1)), Tolerance.DEFAULT);

        assertThat(long_.overClaims()).isEmpty();
        assertThat(short_.overClaims()).isEmpty();
    }

    @Test
    void the_tolerance_is_exceeded_only_above_both_bounds() {
        assertThat(Tolerance.DEFAULT.exceeded(5_001, 4_000))
                .as("1001 ms and 25.025 %")
                .isTrue();
        assertThat(Tolerance.DEFAULT.exceeded(5_000, 4_000))
                .as("1000 ms is not more than 1 s")
                .isFalse();
        assertThat(Tolerance.DEFAULT.exceeded(10_000, 8_000))
                .as("2 s but exactly 25 %")
                .isFalse();
        assertThat(Tolerance.DEFAULT.exceeded(10_001, 8_000)).isTrue();
    }

    @Test
    void a_single_replica_is_paid_at_most_the_time_the_ledger_saw_between_acknowledgement_and_commit() {
        final Replica acknowledged = new Replica(
                        0,
                        "Org1MSP/w1",
                        "Org1MSP",
                        ReplicaState.RUNNING,
                        Optional.empty(),
                        Optional.of("2026-11-21T10:00:00.000Z"),
                        Optional.empty())
                .committed("c".repeat(64), Optional.of("2026-11-21T09:00:04.000Z"));
        final Replica inflated = acknowledged.revealed(result(3_600_000 - 1));
        final Replica honest = acknowledged.revealed(result(3_000));

        // acknowledged at finishBy - (3600 s maxWall + 30 s margin) = 08:59:30, committed 34 s later
        assertThat(JobUsage.ledgerMillis(inflated, SLA)).isEqualTo(34_000);
        assertThat(AgreedUsage.single(JobUsage.claim(inflated), 34_000).wallMillis())
                .isEqualTo(34_000);
        assertThat(AgreedUsage.single(JobUsage.claim(honest), 34_000).wallMillis())
                .isEqualTo(3_000);
    }

    @Test
    void a_job_whose_one_replica_agrees_is_bounded_by_that_replicas_ledger_time() {
        final Replica single = new Replica(
                        0,
                        "Org1MSP/w1",
                        "Org1MSP",
                        ReplicaState.RUNNING,
                        Optional.empty(),
                        Optional.of("2026-11-21T10:00:00.000Z"),
                        Optional.empty())
                .committed("c".repeat(64), Optional.of("2026-11-21T08:59:31.500Z"))
                .revealed(result(3_600_000 - 1));
        final Job job = Job.submitted(
                        Specs.builder().redundancy(Redundancy.kVote(1)).build(),
                        new Submitter("Org1MSP", "x509::user1"),
                        "2026-11-21T08:59:00.000Z",
                        "tx")
                .withReplicas(List.of(single));

        assertThat(JobUsage.of(job, SLA, "a".repeat(64)).orElseThrow().wallMillis())
                .isEqualTo(1_500);
    }

    private static ReplicaResult result(final long wallMillis) {
        return ReplicaResult.builder()
                .resultHash("a".repeat(64))
                .exitCode(0)
                .wallMillis(wallMillis)
                .cpuMillis(1)
                .peakMemoryBytes(1)
                .outputBytes(1)
                .checkpointRoot("c".repeat(64))
                .checkpoints(1)
                .build();
    }
}
