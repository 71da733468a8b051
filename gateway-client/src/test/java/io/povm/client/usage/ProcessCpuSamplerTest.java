package io.povm.client.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuSamplerTest {
    /** A real line's shape: utime (field 14) 1234 and stime (field 15) 566 ticks; the name holds ") (". */
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 58207 0 12 0 1234 566 0 0 20 0"
            + " 43 0 123456 8977064448 89947 18446744073709551615 1 1 0 0 0 0 0 4096 16898 0 0 0 17 1 0 0 0 0 0\n";

    @TempDir
    Path dir;

    @Test
    void cpu_ticks_are_utime_plus_stime_counted_after_the_command_name() {
        assertThat(ProcessCpuSampler.cpuTicks(STAT)).isEqualTo(1800);
    }

    @Test
    void rejects_text_that_is_not_a_stat_line() {
        assertThatThrownBy(() -> ProcessCpuSampler.cpuTicks("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCpuSampler.cpuTicks("1 (x) S 1 2")).hasMessageContaining("too few fields");
    }

    @Test
    void samples_named_processes_in_milliseconds_and_leaves_out_those_that_are_gone() throws IOException {
        Files.createDirectories(dir.resolve("proc/4242"));
        Files.writeString(dir.resolve("proc/4242/stat"), STAT);

        final CpuSnapshot snapshot =
                new ProcessCpuSampler(dir.resolve("proc"), 100).sample(Map.of("org1-peer", 4242L, "orderer1", 4343L));

        assertThat(snapshot.processes()).containsExactly(Map.entry("org1-peer", new ProcessCpu(4242, 18_000)));
    }

    @Test
    void samples_this_process_from_the_real_proc() {
        final long pid = ProcessHandle.current().pid();

        assertThat(ProcessCpuSampler.system().cpuMillis(pid))
                .hasValueSatisfying(ms -> assertThat(ms).isPositive());
    }

    @Test
    void reads_pid_files_by_name_and_skips_other_files() throws IOException {
        Files.writeString(dir.resolve("orderer1.pid"), "101\n");
        Files.writeString(dir.resolve("worker-org2.pid"), "202");
        Files.writeString(dir.resolve("broken.pid"), "not a pid");
        Files.writeString(dir.resolve("notes.txt"), "303");

        assertThat(ProcessCpuSampler.pidFiles(dir)).isEqualTo(Map.of("orderer1", 101L, "worker-org2", 202L));
        assertThat(ProcessCpuSampler.pidFiles(dir.resolve("none"))).isEmpty();
    }
}
