// SPDX-License-Identifier: Apache-2.0
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
    /** A real line's shape: utime (field 14) 1234 and stime (field 15) 566 ticks, no children; the name holds ") (". */
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 58207 0 12 0 1234 566 0 0 20 0"
            + " 43 0 123456 8977064448 89947 18446744073709551615 1 1 0 0 0 0 0 4096 16898 0 0 0 17 1 0 0 0 0 0\n";

    @TempDir
    Path dir;

    /** A /proc/PID/stat line: utime 250, stime 50, cutime 30, cstime 20 ticks (3.5 s at USER_HZ 100). */
    private static String stat(final long pid, final String command) {
        return pid + " (" + command + ") S 1 100 100 0 -1 4194560 2000 0 0 0 250 50 30 20 20 0 12 0 5000 123456"
                + " 789 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
    }

    private void process(final long pid, final String stat) throws IOException {
        Files.createDirectories(dir.resolve("proc").resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("proc").resolve(Long.toString(pid)).resolve("stat"), stat);
    }

    private ProcessCpuSampler sampler() {
        return new ProcessCpuSampler(dir.resolve("proc"), 100);
    }

    @Test
    void cpu_ticks_are_utime_plus_stime_counted_after_the_command_name() {
        assertThat(ProcessCpuSampler.cpuTicks(STAT)).isEqualTo(1800);
    }

    @Test
    void cpu_ticks_add_the_time_of_the_children_the_process_waited_for() {
        assertThat(ProcessCpuSampler.cpuTicks(stat(7, "peer"))).isEqualTo(350);
    }

    @Test
    void reads_a_command_name_that_holds_spaces_and_parentheses() {
        assertThat(ProcessCpuSampler.cpuTicks(stat(7, "odd (name) x"))).isEqualTo(350);
    }

    @Test
    void rejects_text_that_is_not_a_stat_line() {
        assertThatThrownBy(() -> ProcessCpuSampler.cpuTicks("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCpuSampler.cpuTicks("1 (x) S 1 2")).hasMessageContaining("too few fields");
    }

    @Test
    void refuses_a_stat_line_that_is_cut_short() {
        assertThatThrownBy(() -> ProcessCpuSampler.cpuTicks("12 (peer) S 1 2 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields after the command name");
    }

    @Test
    void samples_named_processes_in_milliseconds_and_leaves_out_those_that_are_gone() throws IOException {
        process(4242, STAT);

        final CpuSnapshot snapshot = sampler().sample(Map.of("org1-peer", 4242L, "orderer1", 4343L));

        assertThat(snapshot.processes()).containsExactly(Map.entry("org1-peer", new ProcessCpu(4242, 18_000)));
    }

    @Test
    void adds_user_system_and_waited_for_children_time_of_every_sampled_process() throws IOException {
        process(101, stat(101, "peer"));
        process(202, stat(202, "java"));

        assertThat(sampler()
                        .sample(Map.of("org1-peer", 101L, "worker-org1", 202L))
                        .processes())
                .isEqualTo(Map.of("org1-peer", new ProcessCpu(101, 3500), "worker-org1", new ProcessCpu(202, 3500)));
    }

    @Test
    void leaves_out_a_process_whose_stat_cannot_be_read_and_keeps_the_others() throws IOException {
        process(101, stat(101, "peer"));
        process(303, "303 (orderer) S 1 2 3\n");

        assertThat(sampler().sample(Map.of("org1-peer", 101L, "orderer1", 303L)).processes())
                .containsOnlyKeys("org1-peer");
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
    }

    @Test
    void a_run_directory_without_pid_files_has_no_processes() {
        assertThat(ProcessCpuSampler.pidFiles(dir.resolve("none"))).isEmpty();
    }
}
