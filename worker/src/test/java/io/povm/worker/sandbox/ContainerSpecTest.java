// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a container is created with besides its limits: environment and read-only mounts. */
class ContainerSpecTest {
    private static final List<String> COMMAND = List.of("povm-coinflip");

    @Test
    void environment_becomes_sorted_name_value_pairs() {
        final ContainerSpec spec = ContainerSpec.builder("povm/coinflip", COMMAND)
                .env(Map.of("SEED", "povm", "K", "10"))
                .build();

        assertThat(SandboxRunner.envList(spec)).containsExactly("K=10", "SEED=povm");
    }

    @Test
    void mounts_become_read_only_binds() {
        final ContainerSpec spec = ContainerSpec.builder("povm/coinflip", COMMAND)
                .readOnlyMount("/povm/in", Path.of("/tmp/povm-in-1"))
                .build();

        final List<Bind> binds = SandboxRunner.readOnlyBinds(spec);

        assertThat(binds).hasSize(1);
        assertThat(binds.get(0).getPath()).isEqualTo("/tmp/povm-in-1");
        assertThat(binds.get(0).getVolume().getPath()).isEqualTo("/povm/in");
        assertThat(binds.get(0).getAccessMode()).isEqualTo(AccessMode.ro);
    }

    @Test
    void rejects_an_empty_command_a_bad_variable_name_and_a_relative_mount() {
        assertThatThrownBy(() -> ContainerSpec.of("img", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("command");
        assertThatThrownBy(() -> ContainerSpec.builder("img", COMMAND).env("A=B", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'A=B'");
        assertThatThrownBy(() -> ContainerSpec.builder("img", COMMAND).readOnlyMount("povm/in", Path.of("/tmp")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("containerPath");
        assertThatThrownBy(() -> ContainerSpec.builder("img", COMMAND).readOnlyMount("/in", Path.of("tmp")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hostDir");
    }

    @Test
    void toString_names_variables_but_never_their_values() {
        final ContainerSpec spec =
                ContainerSpec.builder("img", COMMAND).env("SECRET", "hunter2").build();

        assertThat(spec.toString()).contains("SECRET").doesNotContain("hunter2");
    }
}
