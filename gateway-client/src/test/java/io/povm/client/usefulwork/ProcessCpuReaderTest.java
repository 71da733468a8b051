package io.povm.client.usefulwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuReaderTest {
    @TempDir
    Path dir;

    /** A /proc/PID/stat line: utime 250, stime 50, cutime 30, cstime 20 ticks (4 s at USER_HZ 100). */
    private static String stat(final long pid, final String command) {
        return pid + " (" + command + ") S 1 100 100 0 -1 4194560 2000 0 0 0 250 50 30 20 20 0 12 0 5000 123456"
                + " 789 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
    }

    private void process(final String name, final long pid, final String command) throws IOException {
        Files.createDirectories(dir.resolve("pids"));
        Files.writeString(dir.resolve("pids").resolve(name + ".pid"), pid + "\n");
        Files.createDirectories(dir.resolve("proc").resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("proc").resolve(Long.toString(pid)).resolve("stat"), stat(pid, command));
    }

    private ProcessCpuReader reader() {
        return new ProcessCpuReader(dir.resolve("pids"), dir.resolve("proc"));
    }

    @Test
    void adds_user_system_and_waited_for_children_time_of_every_recorded_process() throws IOException {
        process("org1-peer", 101, "peer");
        process("worker-org1", 202, "java");

        assertThat(reader().read())
                .containsExactly(new ProcessCpu("org1-peer", 101, 3500), new ProcessCpu("worker-org1", 202, 3500));
    }

    @Test
    void reads_a_command_name_that_holds_spaces_and_parentheses() {
        assertThat(ProcessCpuReader.cpuMillis(stat(7, "odd (name) x"))).isEqualTo(3500);
    }

    @Test
    void skips_processes_that_are_gone_and_pid_files_that_hold_no_pid() throws IOException {
        process("orderer1", 303, "orderer");
        Files.writeString(dir.resolve("pids").resolve("org2-peer.pid"), "404\n");
        Files.writeString(dir.resolve("pids").resolve("broken.pid"), "not a pid\n");

        assertThat(reader().read()).extracting(ProcessCpu::name).containsExactly("orderer1");
    }

    @Test
    void a_run_directory_without_pid_files_has_no_processes() {
        assertThat(ProcessCpuReader.forRunDir(dir.resolve("no-such-run")).read())
                .isEmpty();
    }

    @Test
    void refuses_a_stat_line_that_is_cut_short() {
        assertThatThrownBy(() -> ProcessCpuReader.cpuMillis("12 (peer) S 1 2 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields after the command name");
    }
}
