// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.idle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IdleResultTest {
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void cpu_and_ledger_growth_are_per_minute_and_povm_is_compared_with_fabric() {
        final IdleSnapshot start = new IdleSnapshot(
                0,
                Map.of("orderer1", 1000L, "org1-peer", 1000L, "org1-cc", 500L, "worker-org1", 0L, "dockerd", 9L),
                Map.of("org1-peer", 100L));
        final IdleSnapshot end = new IdleSnapshot(
                MINUTE / 2,
                Map.of("orderer1", 2000L, "org1-peer", 2000L, "org1-cc", 1000L, "worker-org1", 500L, "dockerd", 9L),
                Map.of("org1-peer", 600L));

        final IdleResult result = IdleResult.between(start, end);

        assertThat(result.seconds()).isEqualTo(30);
        assertThat(result.cpuSecondsPerMinute()).containsEntry("orderer1", 2.0).containsEntry("org1-cc", 1.0);
        assertThat(result.fabricCpuSecondsPerMinute()).isEqualTo(4.0);
        assertThat(result.povmCpuSecondsPerMinute()).isEqualTo(2.0);
        assertThat(result.povmOverFabric()).isEqualTo(0.5);
        assertThat(result.shareOfOneCore()).isEqualTo(0.1);
        assertThat(result.ledgerBytesPerMinute()).containsEntry("org1-peer", 1000L);
    }

    @Test
    void a_process_that_started_in_the_window_is_left_out() {
        final IdleSnapshot start = new IdleSnapshot(0, Map.of(), Map.of());
        final IdleSnapshot end = new IdleSnapshot(MINUTE, Map.of("org1-cc", 5000L), Map.of());

        assertThat(IdleResult.between(start, end).cpuSecondsPerMinute()).isEmpty();
    }

    @Test
    void processes_fall_into_groups_by_name() {
        assertThat(ProcessGroup.of("orderer2")).isEqualTo(ProcessGroup.FABRIC);
        assertThat(ProcessGroup.of("org3-peer")).isEqualTo(ProcessGroup.FABRIC);
        assertThat(ProcessGroup.of("org3-cc")).isEqualTo(ProcessGroup.POVM_CHAINCODE);
        assertThat(ProcessGroup.of("org3-floor")).isEqualTo(ProcessGroup.FLOOR_CHAINCODE);
        assertThat(ProcessGroup.of("worker-org2")).isEqualTo(ProcessGroup.DAEMONS);
        assertThat(ProcessGroup.of("containerd")).isEqualTo(ProcessGroup.DOCKER);
    }

    @Test
    void proc_stat_cpu_is_utime_plus_stime_even_with_spaces_in_the_name() {
        final String stat = "42 (java thread) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 5 0 0";

        assertThat(ProcStat.parse(stat)).isEqualTo(3000);
    }
}
