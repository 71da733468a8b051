// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContainerRunTest {

    private static ContainerRun.Builder clean() {
        return ContainerRun.builder().exitCode(0).stdout("42\n").wallTime(Duration.ofMillis(300));
    }

    @Test
    void a_clean_exit_with_complete_output_succeeded() {
        assertThat(clean().build().succeeded()).isTrue();
    }

    @Test
    void a_non_zero_exit_timeout_oom_kill_or_truncated_output_did_not_succeed() {
        assertThat(clean().exitCode(1).build().succeeded()).isFalse();
        assertThat(clean().timedOut(true).build().succeeded()).isFalse();
        assertThat(clean().oomKilled(true).build().succeeded()).isFalse();
        assertThat(clean().stdoutTruncated(true).build().succeeded()).isFalse();
    }

    @Test
    void toString_shows_sizes_but_never_the_output() {
        final ContainerRun run =
                clean().stdout("secret-result").stderrTail("secret-error").build();

        assertThat(run.toString())
                .contains("stdoutBytes=13", "stderrTailChars=12", "exitCode=0")
                .doesNotContain("secret");
    }

    @Test
    void stdout_keeps_the_bytes_as_written_and_decodes_them_as_utf8() {
        final byte[] bytes = {'o', 'k', (byte) 0xff, '\n'};
        final ContainerRun run = clean().stdoutBytes(bytes).build();

        assertThat(run.stdoutBytes()).containsExactly(bytes);
        assertThat(run.stdout()).isEqualTo("ok\ufffd\n");
    }

    @Test
    void resource_usage_defaults_to_none_and_takes_part_in_equality() {
        final ResourceUsage used = new ResourceUsage(Duration.ofMillis(1500), 4096, 3, 2);

        assertThat(clean().build().resourceUsage()).isEqualTo(ResourceUsage.NONE);
        assertThat(clean().resourceUsage(used).build()).isNotEqualTo(clean().build());
        assertThat(clean().resourceUsage(used).build().toString()).contains("cpuTime=PT1.5S", "peakPids=3");
    }

    @Test
    void runs_with_the_same_fields_are_equal() {
        assertThat(clean().build()).isEqualTo(clean().build()).hasSameHashCodeAs(clean().build());
        assertThat(clean().build()).isNotEqualTo(clean().exitCode(2).build());
    }

    @Test
    void wall_time_is_required() {
        assertThatThrownBy(() -> ContainerRun.builder().build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("wallTime");
    }
}
