package io.povm.client.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UsefulWorkTest {
    private final CpuSnapshot before = new CpuSnapshot(Map.of(
            "orderer1", new ProcessCpu(10, 5_000),
            "org1-peer", new ProcessCpu(11, 8_000),
            "worker-org1", new ProcessCpu(12, 2_000)));

    @Test
    void overhead_is_the_cpu_each_process_used_since_the_first_sample() {
        final CpuSnapshot after = new CpuSnapshot(Map.of(
                "orderer1", new ProcessCpu(10, 6_500),
                "org1-peer", new ProcessCpu(11, 11_000),
                "worker-org1", new ProcessCpu(12, 2_500)));

        final UsefulWork work = UsefulWork.of(1_000, before, after, 10);

        assertThat(work.overheadByProcess())
                .isEqualTo(Map.of("orderer1", 1_500L, "org1-peer", 3_000L, "worker-org1", 500L));
        assertThat(work.overheadCpuMillis()).isEqualTo(5_000);
    }

    @Test
    void a_restarted_or_new_process_counts_with_all_its_time_and_a_stopped_one_not_at_all() {
        final CpuSnapshot after = new CpuSnapshot(Map.of(
                "orderer1", new ProcessCpu(99, 700),
                "worker-org2", new ProcessCpu(13, 300)));

        assertThat(after.cpuMillisSince(before)).isEqualTo(Map.of("orderer1", 700L, "worker-org2", 300L));
    }

    @Test
    void energy_is_cpu_seconds_times_watts_per_core_and_the_share_is_useful_over_all() {
        final UsefulWork work = new UsefulWork(2_000, 18_000, Map.of(), 10);

        assertThat(work.usefulJoules()).isEqualTo(20.0);
        assertThat(work.overheadJoules()).isEqualTo(180.0);
        assertThat(work.usefulShare()).isEqualTo(0.1);
        assertThat(new UsefulWork(0, 0, Map.of(), 10).usefulShare()).isZero();
    }

    @Test
    void rejects_negative_time_and_no_power() {
        assertThatThrownBy(() -> new UsefulWork(-1, 0, Map.of(), 10)).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> new UsefulWork(0, 0, Map.of(), 0)).hasMessageContaining("more than 0");
    }
}
