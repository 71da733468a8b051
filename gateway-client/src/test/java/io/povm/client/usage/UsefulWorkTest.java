// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

        final UsefulWork work = UsefulWork.of(1_000, before, after, EnergyModel.DEFAULT);

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
    void measured_since_no_snapshot_counts_every_process_with_all_its_time() {
        assertThat(UsefulWork.of(0, CpuSnapshot.NONE, before, EnergyModel.DEFAULT)
                        .overheadCpuMillis())
                .isEqualTo(15_000);
    }

    @Test
    void energy_is_cpu_seconds_times_watts_per_core_and_the_share_is_useful_over_all() {
        final UsefulWork work = new UsefulWork(2_000, 18_000, Map.of(), EnergyModel.DEFAULT);

        assertThat(work.usefulJoules()).isEqualTo(20.0);
        assertThat(work.overheadJoules()).isEqualTo(180.0);
        assertThat(work.systemCpuMillis()).isEqualTo(20_000);
        assertThat(work.usefulShare()).isEqualTo(0.1);
        assertThat(new UsefulWork(0, 0, Map.of(), EnergyModel.DEFAULT).usefulShare())
                .isZero();
    }

    @Test
    void co2_of_useful_work_and_overhead_is_their_kilowatt_hours_times_the_grams_per_kilowatt_hour() {
        // 360 CPU-s at 10 W is 1 Wh, 0.48 g at 480 g/kWh; 3,600 CPU-s is 10 Wh, 4.8 g
        final UsefulWork work = new UsefulWork(360_000, 3_600_000, Map.of(), EnergyModel.DEFAULT);

        assertThat(work.usefulGramsCo2()).isCloseTo(0.48, within(1e-12));
        assertThat(work.overheadGramsCo2()).isCloseTo(4.8, within(1e-12));
    }

    @Test
    void a_job_attests_the_cpu_of_every_replica_that_reported_a_result() {
        assertThat(UsefulWork.attestedCpuMillis(CoinflipJobs.resolved("s-1", "demo-1", 4, 30, 2, 250)))
                .isEqualTo(750);
        assertThat(UsefulWork.attestedCpuMillis(CoinflipJobs.submitted("s-2", "demo-2", 4)))
                .isZero();
    }

    @Test
    void rejects_negative_time_and_no_model() {
        assertThatThrownBy(() -> new UsefulWork(-1, 0, Map.of(), EnergyModel.DEFAULT))
                .hasMessageContaining("0 or more");
        assertThatThrownBy(() -> new UsefulWork(0, 0, Map.of(), null)).hasMessageContaining("energyModel");
    }
}
