// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void reads_short_forms_and_iso() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).contains(Duration.ofDays(1));
        assertThat(Durations.parse("pt1m30s")).contains(Duration.ofSeconds(90));
    }

    @Test
    void refuses_numbers_without_unit_and_negative_values() {
        assertThat(Durations.parse("30")).isEmpty();
        assertThat(Durations.parse("-5s")).isEmpty();
        assertThat(Durations.parse("soon")).isEmpty();
    }

    @Test
    void formats_in_the_largest_whole_unit() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
