// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How stats samples (as the engine's JSON) become a {@link ResourceUsage}. */
class StatsCollectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Statistics sample(final long cpuNanos, final long usage, final Long maxUsage, final long pids)
            throws Exception {
        return JSON.readValue(
                "{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":" + cpuNanos + "}},"
                        + "\"memory_stats\":{\"usage\":" + usage
                        + (maxUsage == null ? "" : ",\"max_usage\":" + maxUsage) + "},"
                        + "\"pids_stats\":{\"current\":" + pids + "}}",
                Statistics.class);
    }

    @Test
    void keeps_the_last_cpu_time_and_the_peaks_of_memory_and_processes() throws Exception {
        final StatsCollector stats = new StatsCollector();

        stats.onNext(sample(400_000_000L, 30_000_000L, 50_000_000L, 3));
        stats.onNext(sample(1_400_000_000L, 20_000_000L, 50_000_000L, 1));

        assertThat(stats.usage()).isEqualTo(new ResourceUsage(Duration.ofMillis(1400), 50_000_000L, 3, 2));
    }

    @Test
    void uses_the_current_usage_where_the_engine_reports_no_high_water_mark() throws Exception {
        final StatsCollector stats = new StatsCollector();

        stats.onNext(sample(1, 7_000_000L, null, 1));
        stats.onNext(sample(2, 9_000_000L, null, 1));

        assertThat(stats.usage().peakMemoryBytes()).isEqualTo(9_000_000L);
    }

    @Test
    void ignores_the_empty_sample_of_a_stopped_container_and_reports_none_without_samples() throws Exception {
        final StatsCollector stats = new StatsCollector();

        stats.onNext(JSON.readValue("{\"cpu_stats\":{},\"memory_stats\":{}}", Statistics.class));

        assertThat(stats.usage()).isEqualTo(ResourceUsage.NONE);
    }
}
