// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.useful;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.Redundancy;
import org.junit.jupiter.api.Test;

class UsefulSettingTest {
    @Test
    void a_setting_is_seconds_redundancy_and_jobs() {
        final UsefulSetting setting = UsefulSetting.parse("10s-k3x4");

        assertThat(setting).isEqualTo(new UsefulSetting(10, "k3", 4));
        assertThat(setting.name()).isEqualTo("10s-k3");
        assertThat(setting.toRedundancy()).isEqualTo(Redundancy.kVote(3));
    }

    @Test
    void a_is_adaptive_and_fractions_of_seconds_are_kept() {
        final UsefulSetting setting = UsefulSetting.parse("0.5s-a3x2");

        assertThat(setting.name()).isEqualTo("0.5s-a3");
        assertThat(setting.toRedundancy()).isEqualTo(Redundancy.adaptive(3));
    }

    @Test
    void a_malformed_setting_says_what_is_accepted() {
        assertThatThrownBy(() -> UsefulSetting.parse("10-k3-4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SECONDSs-REDUNDANCYxJOBS");
        assertThatThrownBy(() -> UsefulSetting.parse("1s-k2x4")).hasMessageContaining("k1, k3, k5, a3 or a5");
        assertThatThrownBy(() -> UsefulSetting.parse("1s-k1x0")).hasMessageContaining("jobs must be 1 to 200");
    }
}
