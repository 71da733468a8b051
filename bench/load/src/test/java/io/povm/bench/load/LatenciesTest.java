// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {
    private static final long MS = 1_000_000;

    @Test
    void percentiles_are_nearest_rank_in_milliseconds() {
        final List<Long> nanos =
                LongStream.rangeClosed(1, 100).map(i -> i * MS).boxed().toList();

        final Latencies latencies = Latencies.of(nanos);

        assertThat(latencies.p50()).isEqualTo(50);
        assertThat(latencies.p90()).isEqualTo(90);
        assertThat(latencies.p99()).isEqualTo(99);
        assertThat(latencies.max()).isEqualTo(100);
        assertThat(latencies.mean()).isEqualTo(50.5);
    }

    @Test
    void nothing_measured_is_all_zero() {
        assertThat(Latencies.of(List.of())).isEqualTo(new Latencies(0, 0, 0, 0, 0));
    }

    @Test
    void one_value_is_every_percentile() {
        assertThat(Latencies.of(List.of(7 * MS)).p99()).isEqualTo(7);
    }
}
