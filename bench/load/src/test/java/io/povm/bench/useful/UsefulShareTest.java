// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.useful;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UsefulShareTest {
    private static final UsefulSetting TEN_K3 = new UsefulSetting(10, "k3", 2);

    @Test
    void the_share_is_attested_cpu_over_attested_plus_every_process_in_the_window() {
        final Map<String, Long> start = Map.of(
                "orderer1",
                1_000L,
                "org1-peer",
                2_000L,
                "org1-cc",
                500L,
                "worker-org1",
                0L,
                "dockerd",
                10L,
                "client",
                100L);
        final Map<String, Long> end = Map.of(
                "orderer1",
                2_000L,
                "org1-peer",
                4_000L,
                "org1-cc",
                1_500L,
                "worker-org1",
                1_000L,
                "dockerd",
                510L,
                "client",
                600L);

        final UsefulShare share =
                UsefulShare.of(TEN_K3, Map.of("RESOLVED_SOFT", 2), 2, 6, 54_000, start, end, 40.0, 7_000_000);

        assertThat(share.usefulCpuSeconds()).isEqualTo(54.0);
        assertThat(share.overheadCpuSeconds()).isEqualTo(6.0);
        assertThat(share.usefulShare()).isEqualTo(0.9);
        assertThat(share.usefulCpuSecondsPerReplica()).isEqualTo(9.0);
        assertThat(share.protocolCpuSecondsPerJob()).isEqualTo(3.0);
        assertThat(share.overheadByGroup())
                .containsEntry("FABRIC", 3.0)
                .containsEntry("POVM_CHAINCODE", 1.0)
                .containsEntry("DAEMONS", 1.0)
                .containsEntry("DOCKER", 0.5)
                .containsEntry("CLIENT", 0.5);
        assertThat(share.setting()).isEqualTo("10s-k3");
    }

    @Test
    void a_process_seen_at_one_end_only_or_restarted_is_left_out() {
        final UsefulShare share = UsefulShare.of(
                TEN_K3,
                Map.of(),
                1,
                1,
                1_000,
                Map.of("org1-cc", 5_000L, "worker-org1", 100L),
                Map.of("org1-cc", 200L, "org2-cc", 9_000L, "worker-org1", 1_100L),
                1.0,
                7_000_000);

        assertThat(share.overheadCpuSeconds()).isEqualTo(1.0);
        assertThat(share.usefulShare()).isEqualTo(0.5);
    }

    @Test
    void nothing_decided_gives_zero_per_job_rather_than_a_division_by_zero() {
        final UsefulShare share = UsefulShare.of(TEN_K3, Map.of("SUBMITTED", 2), 0, 0, 0, Map.of(), Map.of(), 5.0, 0);

        assertThat(share.usefulShare()).isZero();
        assertThat(share.protocolCpuSecondsPerJob()).isZero();
        assertThat(share.usefulCpuSecondsPerReplica()).isZero();
    }

    @Test
    void a_job_is_decided_once_it_has_a_verdict_or_never_will() {
        assertThat(UsefulCommand.decided(io.povm.api.JobState.RUNNING)).isFalse();
        assertThat(UsefulCommand.decided(io.povm.api.JobState.RESULTS_PENDING)).isFalse();
        assertThat(UsefulCommand.decided(io.povm.api.JobState.RESOLVED_SOFT)).isTrue();
        assertThat(UsefulCommand.decided(io.povm.api.JobState.FAILED)).isTrue();
    }
}
