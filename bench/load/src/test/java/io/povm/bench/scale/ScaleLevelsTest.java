// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.bench.load.Latencies;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleLevelsTest {
    @Test
    void levels_are_parsed_ascending() {
        assertThat(ScaleLevels.parse("1000, 10_000,100000")).containsExactly(1000L, 10_000L, 100_000L);
        assertThatThrownBy(() -> ScaleLevels.parse("10000,1000")).hasMessageContaining("ascending");
    }

    @Test
    void the_fill_is_what_the_level_lacks() {
        assertThat(ScaleLevels.toFill(300, 1000)).isEqualTo(700);
        assertThat(ScaleLevels.toFill(5000, 1000)).isZero();
    }

    @Test
    void a_fill_fits_when_its_time_at_the_measured_rate_is_within_what_is_left() {
        assertThat(ScaleLevels.fits(100, 90_000, 900)).isTrue();
        assertThat(ScaleLevels.fits(100, 90_000, 899)).isFalse();
        assertThat(ScaleLevels.fits(0, 1000, 10)).as("no rate yet: try").isTrue();
        assertThat(ScaleLevels.fits(0, 1000, 0)).isFalse();
    }

    @Test
    void every_level_is_compared_with_the_first() {
        final ScalePoint first = point(1000, 200, 5, 20);
        final ScalePoint later = point(10_000, 300, 5, 50).against(first);

        assertThat(first.against(first).submitP50Ratio()).isEqualTo(1.0);
        assertThat(later.submitP50Ratio()).isEqualTo(1.5);
        assertThat(later.getJobP50Ratio()).isEqualTo(1.0);
        assertThat(later.listPageP50Ratio()).isEqualTo(2.5);
        assertThat(ScaleLevels.ratio(3, 0)).isZero();
    }

    private static ScalePoint point(final long level, final long submitMs, final long getMs, final long listMs) {
        return new ScalePoint(level, level, latency(submitMs), latency(getMs), latency(listMs), 10, 0, 0, 0);
    }

    private static Latencies latency(final long millis) {
        return Latencies.of(List.of(millis * 1_000_000));
    }
}
