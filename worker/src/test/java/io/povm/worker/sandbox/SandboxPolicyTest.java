// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxPolicyTest {

    @Test
    void defaults_are_small_and_run_as_nobody() {
        final SandboxPolicy policy = SandboxPolicy.defaults();

        assertThat(policy.memoryBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(policy.nanoCpus()).isEqualTo(1_000_000_000L);
        assertThat(policy.pidsLimit()).isEqualTo(64);
        assertThat(policy.wallTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.tmpfsBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(policy.user()).isEqualTo("65534:65534");
        assertThat(policy.stdoutLimitBytes()).isEqualTo(1024 * 1024);
        assertThat(policy.stderrTailBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void toBuilder_copies_every_field() {
        final SandboxPolicy policy = SandboxPolicy.builder()
                .memoryBytes(64L * 1024 * 1024)
                .nanoCpus(500_000_000L)
                .pidsLimit(8)
                .wallTime(Duration.ofSeconds(3))
                .tmpfsBytes(1024 * 1024)
                .user("1000:1000")
                .stdoutLimitBytes(10)
                .stderrTailBytes(20)
                .build();

        assertThat(policy.toBuilder().build()).isEqualTo(policy).hasSameHashCodeAs(policy);
        assertThat(policy.toBuilder().pidsLimit(9).build()).isNotEqualTo(policy);
    }

    @Test
    void toString_names_every_limit() {
        assertThat(SandboxPolicy.defaults().toString())
                .contains("memoryBytes=268435456", "wallTime=PT1M", "user=65534:65534");
    }

    @Nested
    class Rejects {

        @Test
        void memory_below_the_engine_minimum() {
            assertThatThrownBy(() -> SandboxPolicy.builder().memoryBytes(1024).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("memoryBytes must be at least 6291456, got 1024");
        }

        @Test
        void cpu_below_a_hundredth() {
            assertThatThrownBy(() -> SandboxPolicy.builder().nanoCpus(1).build())
                    .hasMessage("nanoCpus must be at least 10000000, got 1");
        }

        @Test
        void zero_processes() {
            assertThatThrownBy(() -> SandboxPolicy.builder().pidsLimit(0).build())
                    .hasMessage("pidsLimit must be at least 1, got 0");
        }

        @Test
        void zero_negative_or_huge_wall_time() {
            assertThatThrownBy(() ->
                            SandboxPolicy.builder().wallTime(Duration.ZERO).build())
                    .hasMessage("wallTime must be more than 0 and at most PT24H, got PT0S");
            assertThatThrownBy(() -> SandboxPolicy.builder()
                            .wallTime(Duration.ofSeconds(-1))
                            .build())
                    .hasMessageStartingWith("wallTime must be more than 0");
            assertThatThrownBy(() -> SandboxPolicy.builder()
                            .wallTime(Duration.ofHours(25))
                            .build())
                    .hasMessageStartingWith("wallTime must be more than 0");
        }

        @Test
        void tiny_tmpfs() {
            assertThatThrownBy(() -> SandboxPolicy.builder().tmpfsBytes(100).build())
                    .hasMessage("tmpfsBytes must be 0 (no /tmp) or at least 65536, got 100");
        }

        @ParameterizedTest
        @ValueSource(strings = {"nobody", "65534", "", "1000:", ":1000", "1000:1000:1", "-1:1"})
        void users_that_are_not_numeric_uid_gid(final String user) {
            assertThatThrownBy(() -> SandboxPolicy.builder().user(user).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("user must be a numeric uid:gid such as 65534:65534, got '" + user + "'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0:0", "0:65534", "65534:0", "00:1"})
        void root_user_or_group(final String user) {
            assertThatThrownBy(() -> SandboxPolicy.builder().user(user).build())
                    .hasMessageStartingWith("user must not be root");
        }

        @Test
        void output_limits_out_of_range() {
            assertThatThrownBy(
                            () -> SandboxPolicy.builder().stdoutLimitBytes(-1).build())
                    .hasMessage("stdoutLimitBytes must be between 0 and 67108864, got -1");
            assertThatThrownBy(() -> SandboxPolicy.builder()
                            .stderrTailBytes(Integer.MAX_VALUE)
                            .build())
                    .hasMessage("stderrTailBytes must be between 0 and 16777216, got 2147483647");
        }

        @Test
        void null_wall_time_and_user_by_name() {
            assertThatThrownBy(() -> SandboxPolicy.builder().wallTime(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("wallTime");
            assertThatThrownBy(() -> SandboxPolicy.builder().user(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("user");
        }
    }
}
