// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a parent cgroup's counters and removing it, on fake v1 and v2 trees laid out as the kernel does. */
class CgroupUsageTest {
    private static final String PARENT = "povm-run-abc-1";
    private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path root;

    /** What rmdir(2) does on cgroupfs: removes a cgroup dir with its control files, not one with child cgroups. */
    private final List<Path> removed = new ArrayList<>();

    private final CgroupUsage.DirRemover rmdir = dir -> {
        try (Stream<Path> children = Files.list(dir)) {
            if (children.anyMatch(Files::isDirectory)) {
                throw new DirectoryNotEmptyException(dir.toString());
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (final Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
        removed.add(root.relativize(dir));
    };

    private void write(final String path, final String content) throws IOException {
        final Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void v1Root() throws IOException {
        write("cpuacct/cpuacct.usage", "999999999\n");
        write("memory/memory.max_usage_in_bytes", "1\n");
        write("memory/memory.use_hierarchy", "1\n");
        write("pids/pids.current", "1\n");
        Files.createDirectories(root.resolve("cpu"));
        Files.createDirectories(root.resolve("systemd"));
        Files.createDirectories(root.resolve("unified"));
    }

    private CgroupUsage v1() throws IOException {
        v1Root();
        return CgroupUsage.detect(root, rmdir).orElseThrow();
    }

    private CgroupUsage v2() throws IOException {
        write("cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n");
        return CgroupUsage.detect(root, rmdir).orElseThrow();
    }

    @Test
    void detects_no_cgroup_file_system_in_an_empty_directory() {
        assertThat(CgroupUsage.detect(root)).isEmpty();
    }

    @Test
    void v1_reads_cpuacct_usage_and_the_memory_high_water_mark_of_the_parent() throws IOException {
        final CgroupUsage cgroups = v1();
        assertThat(cgroups.version()).isEqualTo(CgroupUsage.Version.V1);

        cgroups.create(PARENT);
        assertThat(root.resolve("cpuacct/" + PARENT)).isDirectory();
        assertThat(root.resolve("memory/" + PARENT)).isDirectory();
        assertThat(root.resolve("pids/" + PARENT)).isDirectory();
        write("cpuacct/" + PARENT + "/cpuacct.usage", "2008014911\n");
        write("memory/" + PARENT + "/memory.max_usage_in_bytes", "4079616\n");

        assertThat(cgroups.read(PARENT))
                .isEqualTo(new CgroupUsage.Counters(2_008_014_911L, OptionalLong.of(4_079_616L), 0));
    }

    @Test
    void v1_makes_memory_accounting_hierarchical_or_refuses() throws IOException {
        final CgroupUsage cgroups = v1();
        write("memory/" + PARENT + "/memory.use_hierarchy", "0\n");

        cgroups.create(PARENT);

        assertThat(Files.readString(root.resolve("memory/" + PARENT + "/memory.use_hierarchy")))
                .isEqualTo("1");
    }

    @Test
    void v1_reads_the_running_containers_pids_quota_and_limit() throws IOException {
        final CgroupUsage cgroups = v1();
        write("pids/" + PARENT + "/" + ID + "/pids.current", "7\n");
        write("pids/" + PARENT + "/" + ID + "/pids.events", "max 3\n");
        write("pids/" + PARENT + "/" + ID + "/pids.max", "12\n");
        write("cpu/" + PARENT + "/" + ID + "/cpu.cfs_quota_us", "50000\n");
        write("cpu/" + PARENT + "/" + ID + "/cpu.cfs_period_us", "100000\n");

        assertThat(cgroups.pids(PARENT, ID)).contains(new CgroupUsage.Pids(7, 3));
        assertThat(cgroups.pidsMax(PARENT, ID)).isEqualTo(12);
        assertThat(cgroups.cpuQuota(PARENT, ID)).isEqualTo(new CgroupUsage.CpuQuota(50_000, 100_000));
        assertThat(cgroups.cpuQuota(PARENT, ID).nanoCpus()).isEqualTo(500_000_000L);
    }

    @Test
    void v1_no_quota_and_a_gone_container_read_as_such() throws IOException {
        final CgroupUsage cgroups = v1();
        write("cpu/" + PARENT + "/" + ID + "/cpu.cfs_quota_us", "-1\n");
        write("cpu/" + PARENT + "/" + ID + "/cpu.cfs_period_us", "100000\n");

        assertThat(cgroups.cpuQuota(PARENT, ID).nanoCpus()).isEqualTo(Long.MAX_VALUE);
        assertThat(cgroups.pids(PARENT, ID)).isEmpty();
    }

    @Test
    void v1_release_removes_the_parent_from_every_hierarchy_even_those_the_engine_made() throws IOException {
        final CgroupUsage cgroups = v1();
        cgroups.create(PARENT);
        Files.createDirectories(root.resolve("cpu/" + PARENT));
        Files.createDirectories(root.resolve("systemd/" + PARENT));
        Files.createDirectories(root.resolve("unified/" + PARENT));
        write("cpuacct/" + PARENT + "/cpuacct.usage", "5\n");

        assertThat(cgroups.release(PARENT)).isEqualTo(6);

        try (Stream<Path> left = Files.walk(root)) {
            assertThat(left.filter(path -> path.toString().contains(PARENT))).isEmpty();
        }
    }

    @Test
    void release_tries_every_hierarchy_and_reports_a_parent_still_in_use() throws IOException {
        final CgroupUsage cgroups = v1();
        cgroups.create(PARENT);
        Files.createDirectories(root.resolve("memory/" + PARENT + "/" + ID));

        assertThatThrownBy(() -> cgroups.release(PARENT)).isInstanceOf(DirectoryNotEmptyException.class);

        assertThat(root.resolve("cpuacct/" + PARENT)).doesNotExist();
        assertThat(root.resolve("pids/" + PARENT)).doesNotExist();
        assertThat(root.resolve("memory/" + PARENT)).isDirectory();
    }

    @Test
    void leftovers_of_this_prefix_are_removed_unless_in_use_others_stay() throws IOException {
        final CgroupUsage cgroups = v1();
        cgroups.create("povm-run-abc-1");
        cgroups.create("povm-run-abc-2");
        cgroups.create("povm-run-xyz-1");
        Files.createDirectories(root.resolve("memory/povm-run-abc-2/" + ID));

        assertThat(cgroups.releaseLeftovers("povm-run-abc-"))
                .containsExactlyInAnyOrder("povm-run-abc-1", "povm-run-abc-2");

        assertThat(root.resolve("memory/povm-run-abc-1")).doesNotExist();
        assertThat(root.resolve("cpuacct/povm-run-abc-2")).doesNotExist();
        assertThat(root.resolve("memory/povm-run-abc-2")).isDirectory();
        assertThat(root.resolve("memory/povm-run-xyz-1")).isDirectory();
        assertThatThrownBy(() -> cgroups.releaseLeftovers("docker")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void v2_reads_cpu_stat_memory_peak_and_hierarchical_pids_events_of_the_parent() throws IOException {
        final CgroupUsage cgroups = v2();
        assertThat(cgroups.version()).isEqualTo(CgroupUsage.Version.V2);

        cgroups.create(PARENT);
        write(PARENT + "/cpu.stat", "usage_usec 2008014\nuser_usec 2000000\nsystem_usec 8014\nnr_periods 0\n");
        write(PARENT + "/memory.peak", "4079616\n");
        write(PARENT + "/pids.events", "max 2\n");

        assertThat(cgroups.read(PARENT))
                .isEqualTo(new CgroupUsage.Counters(2_008_014_000L, OptionalLong.of(4_079_616L), 2));
    }

    @Test
    void v2_without_memory_peak_reports_no_peak() throws IOException {
        final CgroupUsage cgroups = v2();
        write(PARENT + "/cpu.stat", "usage_usec 10\n");

        assertThat(cgroups.read(PARENT).peakMemoryBytes()).isEmpty();
    }

    @Test
    void v2_reads_cpu_max_and_pids_max_of_the_running_container_and_releases_the_parent() throws IOException {
        final CgroupUsage cgroups = v2();
        write(PARENT + "/" + ID + "/cpu.max", "150000 100000\n");
        write(PARENT + "/" + ID + "/pids.max", "max\n");
        write(PARENT + "/" + ID + "/pids.current", "2\n");
        write(PARENT + "/" + ID + "/pids.events", "max 0\n");

        assertThat(cgroups.cpuQuota(PARENT, ID).nanoCpus()).isEqualTo(1_500_000_000L);
        assertThat(cgroups.pidsMax(PARENT, ID)).isEqualTo(Long.MAX_VALUE);
        assertThat(cgroups.pids(PARENT, ID)).contains(new CgroupUsage.Pids(2, 0));

        assertThatThrownBy(() -> cgroups.release(PARENT)).isInstanceOf(DirectoryNotEmptyException.class);
        rmdir.remove(root.resolve(PARENT + "/" + ID));
        assertThat(cgroups.release(PARENT)).isEqualTo(1);
        assertThat(root.resolve(PARENT)).doesNotExist();
    }

    @Test
    void a_missing_counter_is_an_error_and_names_are_checked() throws IOException {
        final CgroupUsage cgroups = v2();
        Files.createDirectories(root.resolve(PARENT));

        assertThatThrownBy(() -> cgroups.read(PARENT)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> cgroups.read("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cgroups.pids(PARENT, "../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
