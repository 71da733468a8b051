// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads what one container used from the kernel's cgroup counters, exactly, after it has exited.
 *
 * <p>runc removes a container's own cgroup when the container exits, and its counters with it. So every container
 * gets its own <em>parent</em> cgroup (Docker's {@code HostConfig.CgroupParent}, cgroupfs driver): the parent is
 * charged hierarchically with everything the container's cgroup used and keeps those charges when the child is
 * removed. After the exit the parent's counters are read and the parent is removed ({@code rmdir} in every
 * hierarchy).
 *
 * <table>
 *   <caption>Files read from the parent</caption>
 *   <tr><th></th><th>cgroup v1</th><th>cgroup v2</th></tr>
 *   <tr><td>CPU time</td><td>{@code cpuacct/<p>/cpuacct.usage} (ns)</td><td>{@code <p>/cpu.stat usage_usec}</td></tr>
 *   <tr><td>peak memory</td><td>{@code memory/<p>/memory.max_usage_in_bytes} ({@code use_hierarchy=1})</td>
 *       <td>{@code <p>/memory.peak} (kernel 5.19+)</td></tr>
 *   <tr><td>fork failures</td><td>the child's {@code pids/<p>/<id>/pids.events max} while it runs (v1 counts
 *       them in the forking cgroup only)</td><td>{@code <p>/pids.events max} (hierarchical)</td></tr>
 * </table>
 *
 * <p>Thread-safe (no mutable state). The root is {@code /sys/fs/cgroup} in production and a fake tree in tests.
 */
public final class CgroupUsage {
    /** Every parent this class creates is named {@value}{@code <scope>-<unique>}. */
    public static final String PREFIX = "povm-run-";

    public static final Path DEFAULT_ROOT = Path.of("/sys/fs/cgroup");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{12,64}");

    /** The cgroup layout. */
    public enum Version {
        /** One hierarchy per controller ({@code cpuacct/}, {@code memory/}, {@code pids/}, ...). */
        V1,
        /** The unified hierarchy: {@code cgroup.controllers} at the root. */
        V2
    }

    /** Removes one (empty) cgroup directory; {@link Files#delete} does {@code rmdir(2)}. Replaced in tests. */
    @FunctionalInterface
    interface DirRemover {
        void remove(Path dir) throws IOException;
    }

    private final Path root;
    private final Version version;
    private final DirRemover remover;

    CgroupUsage(final Path root, final Version version, final DirRemover remover) {
        this.root = Objects.requireNonNull(root, "root");
        this.version = Objects.requireNonNull(version, "version");
        this.remover = Objects.requireNonNull(remover, "remover");
    }

    /** The layout under {@link #DEFAULT_ROOT}, or empty when no cgroup file system is readable there. */
    public static Optional<CgroupUsage> detect() {
        return detect(DEFAULT_ROOT);
    }

    /** The layout under {@code root}: v2 when it has {@code cgroup.controllers}, v1 when it has the controllers. */
    public static Optional<CgroupUsage> detect(final Path root) {
        return detect(root, Files::delete);
    }

    static Optional<CgroupUsage> detect(final Path root, final DirRemover remover) {
        if (Files.isRegularFile(root.resolve("cgroup.controllers"))) {
            return Optional.of(new CgroupUsage(root, Version.V2, remover));
        }
        if (Files.isRegularFile(root.resolve("cpuacct").resolve("cpuacct.usage"))
                && Files.isRegularFile(root.resolve("memory").resolve("memory.max_usage_in_bytes"))) {
            return Optional.of(new CgroupUsage(root, Version.V1, remover));
        }
        return Optional.empty();
    }

    public Version version() {
        return version;
    }

    public Path root() {
        return root;
    }

    /**
     * Creates the parent cgroup {@code name} in the hierarchies read afterwards (v1: cpuacct, memory, pids; v2: the
     * unified one) and, in v1, makes memory accounting hierarchical. The engine creates the rest when the container
     * starts.
     *
     * @throws IOException when the cgroup file system cannot be written here (no access): measure otherwise
     */
    public void create(final String name) throws IOException {
        checkName(name);
        if (version == Version.V2) {
            Files.createDirectories(root.resolve(name));
            return;
        }
        for (final String controller : List.of("cpuacct", "memory", "pids")) {
            final Path controllerRoot = root.resolve(controller);
            if (Files.isDirectory(controllerRoot)) {
                Files.createDirectories(controllerRoot.resolve(name));
            }
        }
        final Path hierarchy = root.resolve("memory").resolve(name).resolve("memory.use_hierarchy");
        if (Files.isRegularFile(hierarchy) && !"1".equals(readLine(hierarchy))) {
            Files.writeString(hierarchy, "1");
            if (!"1".equals(readLine(hierarchy))) {
                throw new IOException(hierarchy + " stays 0: memory is not accounted hierarchically");
            }
        }
    }

    /**
     * What everything that ran under the parent {@code name} used; read it once the container has exited.
     *
     * @throws IOException when a counter cannot be read
     */
    public Counters read(final String name) throws IOException {
        checkName(name);
        if (version == Version.V2) {
            final Path parent = root.resolve(name);
            final long cpuNanos = Math.multiplyExact(keyed(parent.resolve("cpu.stat"), "usage_usec"), 1000L);
            final Path peak = parent.resolve("memory.peak");
            final OptionalLong memory =
                    Files.isRegularFile(peak) ? OptionalLong.of(readLong(peak)) : OptionalLong.empty();
            final Path events = parent.resolve("pids.events");
            final long forkFailures = Files.isRegularFile(events) ? keyed(events, "max") : 0;
            return new Counters(cpuNanos, memory, forkFailures);
        }
        final long cpuNanos = readLong(root.resolve("cpuacct").resolve(name).resolve("cpuacct.usage"));
        final long memory = readLong(root.resolve("memory").resolve(name).resolve("memory.max_usage_in_bytes"));
        return new Counters(cpuNanos, OptionalLong.of(memory), 0);
    }

    /**
     * The pids counters of the running container {@code containerId} under the parent {@code name}: how many
     * processes it has now and how many forks the pids limit refused so far. Empty once the container's cgroup is
     * gone.
     */
    public Optional<Pids> pids(final String name, final String containerId) {
        checkName(name);
        checkContainerId(containerId);
        final Path dir = controller("pids").resolve(name).resolve(containerId);
        try {
            final long current = readLong(dir.resolve("pids.current"));
            final long refused = keyed(dir.resolve("pids.events"), "max");
            return Optional.of(new Pids(current, refused));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The pids limit of the running container ({@code pids.max}); {@code Long.MAX_VALUE} for {@code max}. */
    public long pidsMax(final String name, final String containerId) throws IOException {
        checkName(name);
        checkContainerId(containerId);
        return limit(
                readLine(controller("pids").resolve(name).resolve(containerId).resolve("pids.max")));
    }

    /** The CPU quota of the running container: v1 {@code cpu.cfs_quota_us / cpu.cfs_period_us}, v2 {@code cpu.max}. */
    public CpuQuota cpuQuota(final String name, final String containerId) throws IOException {
        checkName(name);
        checkContainerId(containerId);
        if (version == Version.V2) {
            final String[] max = readLine(
                            root.resolve(name).resolve(containerId).resolve("cpu.max"))
                    .split("\\s+");
            if (max.length != 2) {
                throw new IOException("cpu.max is not '<quota> <period>': " + String.join(" ", max));
            }
            return new CpuQuota(limit(max[0]), Long.parseLong(max[1]));
        }
        final Path dir = root.resolve("cpu").resolve(name).resolve(containerId);
        final long quota = Long.parseLong(readLine(dir.resolve("cpu.cfs_quota_us")));
        return new CpuQuota(quota < 0 ? Long.MAX_VALUE : quota, readLong(dir.resolve("cpu.cfs_period_us")));
    }

    /**
     * Removes the parent {@code name} from every hierarchy that has it. Tries all of them even when one fails.
     *
     * @return how many directories were removed
     * @throws IOException the first failure, with the others suppressed, after trying all
     */
    public int release(final String name) throws IOException {
        checkName(name);
        final List<Path> dirs = new ArrayList<>();
        if (version == Version.V2) {
            dirs.add(root.resolve(name));
        } else {
            for (final Path hierarchy : hierarchies()) {
                dirs.add(hierarchy.resolve(name));
            }
        }
        return removeAll(dirs);
    }

    /**
     * Removes every parent named {@code prefix*} in every hierarchy, e.g. those a crashed worker left. A parent
     * whose container still runs is not empty and stays ({@code rmdir} refuses it).
     *
     * @return the distinct parent names removed from at least one hierarchy
     */
    public List<String> releaseLeftovers(final String prefix) {
        if (!prefix.startsWith(PREFIX)) {
            throw new IllegalArgumentException("prefix must start with " + PREFIX + ", got " + prefix);
        }
        final List<Path> hierarchies = version == Version.V2 ? List.of(root) : hierarchies();
        final List<String> removed = new ArrayList<>();
        for (final Path hierarchy : hierarchies) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(hierarchy, prefix + "*")) {
                for (final Path child : children) {
                    if (!Files.isDirectory(child)) {
                        continue;
                    }
                    try {
                        remover.remove(child);
                        final String name = child.getFileName().toString();
                        if (!removed.contains(name)) {
                            removed.add(name);
                        }
                    } catch (IOException e) {
                        // still in use, or not ours to remove: leave it
                    }
                }
            } catch (IOException e) {
                // an unreadable hierarchy has nothing we could remove
            }
        }
        return List.copyOf(removed);
    }

    /** The parents named {@code prefix*} that exist in any hierarchy, sorted. */
    public List<String> parents(final String prefix) {
        if (!prefix.startsWith(PREFIX)) {
            throw new IllegalArgumentException("prefix must start with " + PREFIX + ", got " + prefix);
        }
        final java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (final Path hierarchy : version == Version.V2 ? List.of(root) : hierarchies()) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(hierarchy, prefix + "*")) {
                for (final Path child : children) {
                    if (Files.isDirectory(child)) {
                        names.add(child.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                // an unreadable hierarchy shows nothing
            }
        }
        return List.copyOf(names);
    }

    private int removeAll(final List<Path> dirs) throws IOException {
        IOException failure = null;
        int removed = 0;
        for (final Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try {
                remover.remove(dir);
                removed++;
            } catch (NoSuchFileException e) {
                // gone already
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return removed;
    }

    /** v1: every directory at the root (each controller's hierarchy, named ones such as systemd, unified). */
    private List<Path> hierarchies() {
        final List<Path> hierarchies = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (final Path child : children) {
                if (Files.isDirectory(child)) {
                    hierarchies.add(child);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        hierarchies.sort(null);
        return hierarchies;
    }

    private Path controller(final String controller) {
        return version == Version.V2 ? root : root.resolve(controller);
    }

    private static long limit(final String value) {
        return "max".equals(value) ? Long.MAX_VALUE : Long.parseLong(value);
    }

    private static long readLong(final Path file) throws IOException {
        final String line = readLine(file);
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new IOException(file + " does not hold a number: '" + line + "'", e);
        }
    }

    private static String readLine(final Path file) throws IOException {
        return Files.readString(file).strip();
    }

    /** The value of {@code key} in a flat keyed file ({@code key value} per line). */
    private static long keyed(final Path file, final String key) throws IOException {
        for (final String line : Files.readAllLines(file)) {
            final String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[0].equals(key)) {
                try {
                    return Long.parseLong(parts[1]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": " + key + " is not a number: '" + parts[1] + "'", e);
                }
            }
        }
        throw new IOException(file + " has no " + key);
    }

    private static void checkName(final String name) {
        if (!NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new IllegalArgumentException("not a cgroup name: " + name);
        }
    }

    private static void checkContainerId(final String containerId) {
        if (!CONTAINER_ID.matcher(containerId).matches()) {
            throw new IllegalArgumentException("not a container id: " + containerId);
        }
    }

    /**
     * What the parent's counters say.
     *
     * @param cpuNanos user + system CPU time of every process that ran under it
     * @param peakMemoryBytes the high-water mark of its memory (page cache and tmpfs included); empty where the
     *     kernel keeps none (v2 before 5.19)
     * @param forkFailures forks the pids limit refused, where the parent counts them (v2); 0 otherwise
     */
    public record Counters(long cpuNanos, OptionalLong peakMemoryBytes, long forkFailures) {}

    /**
     * @param current processes and threads now
     * @param refused forks refused by the pids limit so far ({@code pids.events max})
     */
    public record Pids(long current, long refused) {}

    /**
     * @param quotaMicros CPU time per period, {@code Long.MAX_VALUE} for no quota
     * @param periodMicros the period
     */
    public record CpuQuota(long quotaMicros, long periodMicros) {
        /** The quota in billionths of a CPU, as Docker's {@code NanoCPUs}. */
        public long nanoCpus() {
            return quotaMicros == Long.MAX_VALUE ? Long.MAX_VALUE : quotaMicros * 1_000_000_000L / periodMicros;
        }
    }
}
