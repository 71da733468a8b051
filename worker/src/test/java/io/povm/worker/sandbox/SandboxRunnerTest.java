// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Argument checks that happen before the engine is contacted. */
class SandboxRunnerTest {

    private final DockerEngine engine =
            DockerEngine.connect(DockerEngine.DEFAULT_HOST, Duration.ofSeconds(1), Duration.ofMinutes(1));

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void adds_the_sandbox_label_to_the_given_ones() {
        final SandboxRunner runner = new SandboxRunner(engine, Map.of("io.povm.org", "Org1"));

        assertThat(runner.labels())
                .containsOnly(Map.entry("io.povm.org", "Org1"), Map.entry("io.povm.sandbox", "true"));
    }

    @Test
    void refuses_to_let_callers_set_the_sandbox_label() {
        assertThatThrownBy(() -> new SandboxRunner(engine, Map.of(SandboxRunner.LABEL, "false")))
                .hasMessage("labels must not contain io.povm.sandbox; the runner sets it");
    }

    @Test
    void rejects_an_empty_command() {
        assertThatThrownBy(
                        () -> new SandboxRunner(engine).run("povm/base:bookworm", List.of(), SandboxPolicy.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command must have at least the program to run");
    }

    @Test
    void reads_the_engines_nanosecond_timestamps_and_ignores_the_zero_time() {
        assertThat(SandboxRunner.engineTime("2026-12-06T05:03:09.291105356Z"))
                .contains(java.time.Instant.parse("2026-12-06T05:03:09.291105356Z"));
        assertThat(SandboxRunner.engineTime("0001-01-01T00:00:00Z")).isEmpty();
        assertThat(SandboxRunner.engineTime("")).isEmpty();
        assertThat(SandboxRunner.engineTime(null)).isEmpty();
        assertThat(SandboxRunner.engineTime("yesterday")).isEmpty();
    }

    @Test
    void parent_cgroups_are_scoped_by_the_runners_labels() {
        final SandboxRunner org1 = new SandboxRunner(engine, Map.of("io.povm.org", "Org1"));

        assertThat(org1.parentPrefix())
                .matches("povm-run-[0-9a-f]{10}-")
                .isEqualTo(new SandboxRunner(engine, Map.of("io.povm.org", "Org1")).parentPrefix())
                .isNotEqualTo(new SandboxRunner(engine, Map.of("io.povm.org", "Org2")).parentPrefix());
    }
}
