// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImagePolicyTest {
    private final ImagePolicy policy = new ImagePolicy(List.of("povm/*", "python:3.1?"), List.of("povm/evil*"));

    @Test
    void star_matches_across_slashes_and_tags() {
        assertThat(policy.permits("povm/base:bookworm")).isTrue();
        assertThat(policy.permits("povm/tools/x:1")).isTrue();
    }

    @Test
    void question_mark_matches_exactly_one_character() {
        assertThat(policy.permits("python:3.12")).isTrue();
        assertThat(policy.permits("python:3.1")).isFalse();
        assertThat(policy.permits("python:3.123")).isFalse();
    }

    @Test
    void deny_wins_over_allow() {
        assertThat(policy.permits("povm/evil:latest")).isFalse();
    }

    @Test
    void image_matching_no_allow_pattern_is_refused() {
        assertThat(policy.permits("docker.io/library/alpine")).isFalse();
    }

    @Test
    void dots_in_patterns_are_literal() {
        assertThat(new ImagePolicy(List.of("a.b"), List.of()).permits("axb")).isFalse();
    }

    @Test
    void rejects_a_pattern_with_characters_no_image_has() {
        assertThatThrownBy(() -> new ImagePolicy(List.of("povm/[a-z]"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("povm/[a-z]");
    }
}
