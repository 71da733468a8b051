// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container settings that make the sandbox; the ITs check their effect inside a real container. */
class HostConfigTest {

    private final SandboxPolicy policy = SandboxPolicy.builder()
            .memoryBytes(64L * 1024 * 1024)
            .nanoCpus(500_000_000L)
            .pidsLimit(16)
            .tmpfsBytes(1024 * 1024)
            .build();
    private final HostConfig hostConfig = SandboxRunner.hostConfig(policy);

    @Test
    void has_no_network() {
        assertThat(hostConfig.getNetworkMode()).isEqualTo("none");
    }

    @Test
    void has_a_read_only_root_and_a_small_noexec_tmpfs_at_tmp() {
        assertThat(hostConfig.getReadonlyRootfs()).isTrue();
        assertThat(hostConfig.getTmpFs()).isEqualTo(Map.of("/tmp", "rw,noexec,nosuid,nodev,mode=1777,size=1048576"));
    }

    @Test
    void drops_every_capability_and_forbids_new_privileges() {
        assertThat(hostConfig.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(hostConfig.getSecurityOpts()).containsExactly("no-new-privileges");
    }

    @Test
    void limits_memory_without_swap_cpu_and_processes() {
        assertThat(hostConfig.getMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(hostConfig.getMemorySwap()).isEqualTo(hostConfig.getMemory());
        assertThat(hostConfig.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(hostConfig.getPidsLimit()).isEqualTo(16);
    }

    @Test
    void keeps_no_logs_in_the_engine() {
        assertThat(hostConfig.getLogConfig().getType()).isEqualTo(LogConfig.LoggingType.NONE);
    }
}
