// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalLogTest {
    private final RefusalLog log = new RefusalLog();

    @Test
    void a_refusal_is_news_the_first_time_only() {
        assertThat(log.isNews("IMAGE_MISSING povm/x")).isTrue();
        assertThat(log.isNews("IMAGE_MISSING povm/x")).isFalse();
        assertThat(log.isNews("IMAGE_MISSING povm/y")).isTrue();
    }

    @Test
    void once_its_capacity_is_full_it_starts_over_so_memory_stays_bounded() {
        for (int i = 0; i < RefusalLog.CAPACITY; i++) {
            assertThat(log.isNews("refusal " + i)).isTrue();
        }

        assertThat(log.isNews("refusal 0"))
                .as("after a full set, the set is cleared")
                .isTrue();
        assertThat(log.isNews("refusal 0")).isFalse();
    }
}
