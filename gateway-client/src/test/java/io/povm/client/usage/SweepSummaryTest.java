// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.JobState;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepSummaryTest {
    private static final CpuSnapshot NONE = CpuSnapshot.NONE;

    @Test
    void a_resolved_job_shows_its_winning_flips_votes_and_the_cpu_of_every_replica() {
        final SweepJob job = SweepJob.of(CoinflipJobs.resolved("s-1", "demo-1", 4, 30, 2, 250));

        assertThat(job).isEqualTo(new SweepJob("s-1", "demo-1", JobState.RESOLVED_SOFT, 30L, 2, 1, 0, 0, 750));
        assertThat(job.decided()).isTrue();
        assertThat(job.settled()).isFalse();
    }

    @Test
    void a_job_without_a_verdict_has_no_flips_and_no_votes() {
        final SweepJob job = SweepJob.of(CoinflipJobs.submitted("s-2", "demo-2", 4));

        assertThat(job.flips()).isNull();
        assertThat(job.seedFlips()).isEmpty();
        assertThat(job.decided()).isFalse();
    }

    @Test
    void summary_counts_statistics_over_decided_jobs_and_sums_votes_and_attested_cpu() {
        final List<SweepJob> jobs = List.of(
                SweepJob.of(CoinflipJobs.resolved("s-1", "demo-1", 4, 30, 3, 100)),
                SweepJob.of(CoinflipJobs.resolved("s-2", "demo-2", 4, 12, 2, 200)),
                SweepJob.of(CoinflipJobs.submitted("s-3", "demo-3", 4)));

        final SweepSummary summary = SweepSummary.of(
                4, jobs, NONE, NONE, EnergyModel.DEFAULT, new SweepSummary.Timing(3, 900, 60_000, 4_000));

        assertThat(summary.flipStatistics()).hasValueSatisfying(stats -> {
            assertThat(stats.n()).isEqualTo(2);
            assertThat(stats.luckiest()).isEqualTo(new SeedFlips("demo-2", 12));
            assertThat(stats.meanFlips()).isEqualTo(21.0);
        });
        assertThat(summary.replicas()).isEqualTo(new SweepSummary.Votes(5, 1, 0, 0));
        assertThat(summary.work().usefulCpuMillis()).isEqualTo(900);
    }

    @Test
    void a_sweep_without_any_verdict_has_no_statistics() {
        final SweepSummary summary = SweepSummary.of(
                4,
                List.of(SweepJob.of(CoinflipJobs.submitted("s-1", "demo-1", 4))),
                NONE,
                NONE,
                EnergyModel.DEFAULT,
                new SweepSummary.Timing(1, 100, 100, 100));

        assertThat(summary.flipStatistics()).isEmpty();
    }
}
