// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command in a fresh, locked-down container and always removes the container afterwards.
 *
 * <p>Each container has no network, a read-only root file system with a small {@code noexec} tmpfs at {@code /tmp},
 * no capabilities, {@code no-new-privileges}, a non-root user, and the memory (without swap), CPU and process limits of
 * its {@link SandboxPolicy}. Output is streamed from the container into bounded buffers while it runs; the engine
 * stores no logs. A container still running at the policy's wall time is killed and the run marked timed out.
 *
 * <p>What a run used is measured by the engine and the kernel, not sampled: the wall time is the engine's {@code
 * State.StartedAt} to {@code State.FinishedAt}; CPU time and peak memory are the counters of a parent cgroup made for
 * this one container ({@link CgroupUsage}), read after it exited, then removed. Where the cgroup file system cannot
 * be written (not root, a remote engine, the systemd cgroup driver) the runner falls back to the engine's stats
 * samples, says so in the log, and marks the figures {@link ResourceUsage.Source#SAMPLED}.
 *
 * <p>Every container carries the label {@value #LABEL}{@code =true} plus the labels given to the runner, so that
 * {@link #removeLeftovers()} can clean up after a crash. Thread-safe: runs may proceed in parallel.
 */
public final class SandboxRunner {
    /** Label set on every sandbox container. */
    public static final String LABEL = "io.povm.sandbox";

    static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(10);
    static final Duration KILL_GRACE = Duration.ofSeconds(10);
    static final Duration OUTPUT_DRAIN_TIMEOUT = Duration.ofSeconds(5);
    /** How often the pids counters of a running container are polled. */
    static final Duration PIDS_POLL = Duration.ofMillis(50);
    /** How long a parent cgroup may stay busy after its container was removed before we give up on it. */
    static final Duration RELEASE_PATIENCE = Duration.ofSeconds(2);

    /** Polls the pids counters of every running container of every runner; a poll is a few small file reads. */
    private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(task -> {
        final Thread thread = new Thread(task, "povm-sandbox-pids-poller");
        thread.setDaemon(true);
        return thread;
    });

    private static final Logger LOG = LoggerFactory.getLogger(SandboxRunner.class);

    private final DockerClient client;
    private final Map<String, String> labels;
    /** {@link CgroupUsage#PREFIX} plus a hash of the labels: the parents this runner (and its crashed self) owns. */
    private final String parentPrefix;

    private final Supplier<Optional<CgroupUsage>> cgroupProbe;
    private Optional<CgroupUsage> cgroups;

    public SandboxRunner(final DockerEngine engine) {
        this(engine, Map.of());
    }

    /**
     * @param labels extra labels for every container, e.g. the organisation; {@value #LABEL} is added
     */
    public SandboxRunner(final DockerEngine engine, final Map<String, String> labels) {
        this.client = Objects.requireNonNull(engine, "engine").client();
        final Map<String, String> all = new TreeMap<>(Objects.requireNonNull(labels, "labels"));
        if (all.containsKey(LABEL)) {
            throw new IllegalArgumentException("labels must not contain " + LABEL + "; the runner sets it");
        }
        all.put(LABEL, "true");
        this.labels = Map.copyOf(all);
        this.parentPrefix = CgroupUsage.PREFIX + scope(this.labels) + "-";
        this.cgroupProbe = () -> probeCgroups(client);
    }

    /** For tests: measure with {@code cgroups} (empty: sample) instead of probing the host. */
    SandboxRunner(final DockerEngine engine, final Map<String, String> labels, final Optional<CgroupUsage> cgroups) {
        this(engine, labels);
        this.cgroups = Objects.requireNonNull(cgroups, "cgroups");
    }

    /**
     * How runs are measured, decided on first use: the cgroup when the engine uses the cgroupfs driver and this
     * process can write the host's cgroup file system, else sampling.
     */
    public synchronized Optional<CgroupUsage> cgroups() {
        if (cgroups == null) {
            cgroups = cgroupProbe.get();
        }
        return cgroups;
    }

    /** The prefix of the parent cgroups of this runner's containers. */
    public String parentPrefix() {
        return parentPrefix;
    }

    private static Optional<CgroupUsage> probeCgroups(final DockerClient client) {
        final String driver;
        try {
            driver = client.infoCmd().exec().getCGroupDriver();
        } catch (RuntimeException e) {
            LOG.warn(
                    "CPU and memory will be SAMPLED (lower bounds): the engine did not say its cgroup driver: {}",
                    e.toString());
            return Optional.empty();
        }
        if (!"cgroupfs".equals(driver)) {
            LOG.warn(
                    "CPU and memory will be SAMPLED (lower bounds): the engine's cgroup driver is {}, not cgroupfs",
                    driver);
            return Optional.empty();
        }
        final Optional<CgroupUsage> found = CgroupUsage.detect();
        if (found.isEmpty()) {
            LOG.warn(
                    "CPU and memory will be SAMPLED (lower bounds): no cgroup file system at {}",
                    CgroupUsage.DEFAULT_ROOT);
            return found;
        }
        final String probe = CgroupUsage.PREFIX + "probe-" + UUID.randomUUID();
        try {
            found.get().create(probe);
            found.get().release(probe);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "CPU and memory will be SAMPLED (lower bounds): cannot create cgroups under {}: {}",
                    CgroupUsage.DEFAULT_ROOT,
                    e.toString());
            return Optional.empty();
        }
        LOG.info(
                "CPU and memory are read exactly from cgroup {} per container",
                found.get().version());
        return found;
    }

    private static String scope(final Map<String, String> labels) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(new TreeMap<>(labels).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The labels set on every container of this runner. */
    public Map<String, String> labels() {
        return labels;
    }

    /**
     * Creates, runs and removes one container.
     *
     * @param image an image already in the engine, e.g. {@code povm/base:bookworm}; nothing is pulled
     * @param command the command and its arguments, run without a shell
     * @throws ImageNotFoundException when the engine does not have {@code image}
     * @throws SandboxException when the engine fails; the container is removed all the same
     */
    public ContainerRun run(final String image, final List<String> command, final SandboxPolicy policy) {
        return run(ContainerSpec.of(image, command), policy);
    }

    /**
     * Creates, runs and removes one container with the spec's environment and read-only mounts.
     *
     * @throws ImageNotFoundException when the engine does not have the spec's image
     * @throws SandboxException when the engine fails; the container is removed all the same
     */
    public ContainerRun run(final ContainerSpec spec, final SandboxPolicy policy) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(policy, "policy");
        final Optional<CgroupUsage> cgroup = cgroups();
        final Optional<String> parent = cgroup.flatMap(this::createParent);
        try {
            final String id = create(spec, policy, parent);
            try {
                return execute(id, policy, parent.map(name -> new Measured(cgroup.get(), name, id)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxException("interrupted while container " + shortId(id) + " ran", e);
            } catch (SandboxException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new SandboxException("Docker engine failed while container " + shortId(id) + " ran: " + e, e);
            } finally {
                remove(id);
            }
        } finally {
            parent.ifPresent(name -> releaseParent(cgroup.get(), name));
        }
    }

    /** A fresh parent cgroup for one container, or empty (sample this run) when it cannot be made. */
    private Optional<String> createParent(final CgroupUsage cgroup) {
        final String name = parentPrefix + UUID.randomUUID().toString().replace("-", "");
        try {
            cgroup.create(name);
            return Optional.of(name);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot create cgroup {}; this run's CPU and memory will be SAMPLED: {}", name, e.toString());
            releaseParent(cgroup, name);
            return Optional.empty();
        }
    }

    /** Removes the parent; the engine may take a moment to remove the container's own cgroup under it. */
    private static void releaseParent(final CgroupUsage cgroup, final String name) {
        final long deadline = System.nanoTime() + RELEASE_PATIENCE.toNanos();
        while (true) {
            try {
                cgroup.release(name);
                return;
            } catch (IOException | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    LOG.error("could not remove cgroup {}; removeLeftovers() will retry: {}", name, e.toString());
                    return;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.error("interrupted while removing cgroup {}; removeLeftovers() will retry", name);
                return;
            }
        }
    }

    /**
     * Removes every container carrying this runner's labels, e.g. those left by a process that died mid-run, then
     * the parent cgroups ({@link #parentPrefix()}{@code *}) such a process left.
     *
     * @return how many containers were found
     */
    public int removeLeftovers() {
        final List<Container> leftovers = client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(labels)
                .exec();
        leftovers.forEach(container -> remove(container.getId()));
        cgroups().ifPresent(cgroup -> {
            final List<String> parents = cgroup.releaseLeftovers(parentPrefix);
            if (!parents.isEmpty()) {
                LOG.info("removed {} leftover cgroup(s) {}", parents.size(), parents);
            }
        });
        return leftovers.size();
    }

    static HostConfig hostConfig(final SandboxPolicy policy) {
        return HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withReadonlyRootfs(true)
                .withTmpFs(
                        policy.tmpfsBytes() == 0
                                ? Map.of()
                                : Map.of("/tmp", "rw,noexec,nosuid,nodev,mode=1777,size=" + policy.tmpfsBytes()))
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPidsLimit(policy.pidsLimit())
                .withMemory(policy.memoryBytes())
                .withMemorySwap(policy.memoryBytes())
                .withNanoCPUs(policy.nanoCpus())
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE))
                .withAutoRemove(false);
    }

    static List<Bind> readOnlyBinds(final ContainerSpec spec) {
        return spec.readOnlyMounts().entrySet().stream()
                .map(mount -> new Bind(mount.getValue().toString(), new Volume(mount.getKey()), AccessMode.ro))
                .toList();
    }

    static List<String> envList(final ContainerSpec spec) {
        return spec.env().entrySet().stream()
                .map(variable -> variable.getKey() + "=" + variable.getValue())
                .toList();
    }

    private String create(final ContainerSpec spec, final SandboxPolicy policy, final Optional<String> parent) {
        final String image = spec.image();
        final CreateContainerResponse created;
        final HostConfig host = hostConfig(policy).withBinds(readOnlyBinds(spec));
        parent.ifPresent(name -> host.withCgroupParent("/" + name));
        try {
            created = client.createContainerCmd(image)
                    .withCmd(spec.command())
                    .withEnv(envList(spec))
                    .withUser(policy.user())
                    .withLabels(labels)
                    .withNetworkDisabled(true)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withTty(false)
                    .withHostConfig(host)
                    .exec();
        } catch (NotFoundException e) {
            throw new ImageNotFoundException(image, e);
        } catch (RuntimeException e) {
            throw new SandboxException("Docker engine refused a container from image '" + image + "': " + e, e);
        }
        if (created.getWarnings() != null) {
            for (final String warning : created.getWarnings()) {
                LOG.warn("engine warning for container {}: {}", shortId(created.getId()), warning);
            }
        }
        LOG.debug("created container {} from {}", shortId(created.getId()), image);
        return created.getId();
    }

    /** The parent cgroup {@code name} of container {@code id}. */
    private record Measured(CgroupUsage cgroup, String name, String id) {}

    /** The largest pids counters polled from a running container. */
    private static final class PidsPeak {
        private long current;
        private long refused;

        synchronized long current() {
            return current;
        }

        synchronized long refused() {
            return refused;
        }

        synchronized void poll(final Measured measured) {
            measured.cgroup().pids(measured.name(), measured.id()).ifPresent(pids -> {
                current = Math.max(current, pids.current());
                refused = Math.max(refused, pids.refused());
            });
        }
    }

    private ContainerRun execute(final String id, final SandboxPolicy policy, final Optional<Measured> measured)
            throws InterruptedException {
        final OutputCollector output = attach(id, policy);
        try {
            final long startedNanos = System.nanoTime();
            final OptionalInt notStarted = start(id);
            if (notStarted.isPresent()) {
                LOG.info(
                        "container {}: the command could not be started; reported as exit {}",
                        shortId(id),
                        notStarted.getAsInt());
                return ContainerRun.builder()
                        .exitCode(notStarted.getAsInt())
                        .stdoutBytes(new byte[0])
                        .stderrTail(StartFailure.stderr(notStarted.getAsInt()))
                        .wallTime(Duration.ZERO)
                        .resourceUsage(ResourceUsage.NONE)
                        .build();
            }
            final StatsCollector stats = measured.isPresent() ? null : openStats(id);
            final PidsPeak pids = new PidsPeak();
            final boolean timedOut;
            try {
                timedOut = !awaitExit(id, policy.wallTime(), () -> measured.ifPresent(pids::poll));
            } finally {
                if (stats != null) {
                    closeQuietly(stats);
                }
            }
            final Duration clockWall = Duration.ofNanos(System.nanoTime() - startedNanos);
            final boolean drained = output.awaitCompletion(OUTPUT_DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!drained) {
                LOG.warn(
                        "output of container {} did not end within {}; marking it truncated",
                        shortId(id),
                        OUTPUT_DRAIN_TIMEOUT);
            }
            final ContainerState state = client.inspectContainerCmd(id).exec().getState();
            final Optional<Instant> startedAt = engineTime(state.getStartedAt());
            final Optional<Instant> finishedAt = engineTime(state.getFinishedAt());
            final Duration wallTime;
            if (startedAt.isPresent()
                    && finishedAt.isPresent()
                    && !finishedAt.get().isBefore(startedAt.get())) {
                wallTime = Duration.between(startedAt.get(), finishedAt.get());
            } else {
                LOG.warn(
                        "the engine gave no start and finish time for container {}; wall time by this host's clock",
                        shortId(id));
                wallTime = clockWall;
            }
            final ResourceUsage usage = measured.map(m -> exactUsage(m, pids)).orElseGet(() -> stats.usage());
            final ContainerRun.Builder builder = ContainerRun.builder()
                    .exitCode(exitCode(state))
                    .stdoutBytes(output.stdout().toByteArray())
                    .stdoutTruncated(output.stdout().truncated() || !drained)
                    .stderrTail(output.stderr().toUtf8())
                    .wallTime(wallTime)
                    .timedOut(timedOut)
                    .oomKilled(Boolean.TRUE.equals(state.getOOMKilled()))
                    .resourceUsage(usage);
            if (startedAt.isPresent() && finishedAt.isPresent()) {
                builder.engineTimes(startedAt.get(), finishedAt.get());
            }
            final ContainerRun run = builder.build();
            if (usage.exact()) {
                LOG.info("container {} finished: {}", shortId(id), run);
            } else {
                LOG.info("container {} finished (CPU and memory SAMPLED, lower bounds): {}", shortId(id), run);
            }
            return run;
        } finally {
            closeQuietly(output);
        }
    }

    /** The parent's counters once the container has exited; NONE (logged) if they cannot be read. */
    private static ResourceUsage exactUsage(final Measured measured, final PidsPeak pids) {
        try {
            final CgroupUsage.Counters counters = measured.cgroup().read(measured.name());
            final OptionalLong memory = counters.peakMemoryBytes();
            if (memory.isEmpty()) {
                LOG.warn(
                        "the kernel keeps no memory peak for cgroup {} (memory.peak needs 5.19+); reporting 0",
                        measured.name());
            }
            return ResourceUsage.exact(
                    Duration.ofNanos(counters.cpuNanos()),
                    memory.orElse(0),
                    pids.current(),
                    Math.max(pids.refused(), counters.forkFailures()));
        } catch (IOException | RuntimeException e) {
            LOG.error(
                    "cannot read cgroup {} of container {}; its CPU and memory are reported as 0: {}",
                    measured.name(),
                    shortId(measured.id()),
                    e.toString());
            return ResourceUsage.NONE;
        }
    }

    /** An engine timestamp (RFC 3339 with nanoseconds); empty for none or the zero time of a container not run. */
    static Optional<Instant> engineTime(final String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return Optional.empty();
        }
        try {
            final Instant instant = OffsetDateTime.parse(timestamp).toInstant();
            return instant.isBefore(Instant.EPOCH) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The process's exit code, or -1 if the engine reports none. */
    private static int exitCode(final ContainerState state) {
        final Long exitCode = state.getExitCodeLong();
        return exitCode == null ? -1 : exitCode.intValue();
    }

    /**
     * @return empty once started; the exit code of a command that cannot be started ({@link StartFailure})
     * @throws SandboxException when the engine refused for another reason
     */
    private OptionalInt start(final String id) {
        try {
            client.startContainerCmd(id).exec();
            return OptionalInt.empty();
        } catch (DockerException e) {
            final OptionalInt exitCode = StartFailure.exitCode(e.getMessage());
            if (exitCode.isPresent()) {
                return exitCode;
            }
            throw new SandboxException(
                    "container " + shortId(id) + " did not start; is the command in the image and executable? "
                            + e.getMessage(),
                    e);
        }
    }

    /** Streams the container's stats; a failure only costs the measurements, so it is logged, not thrown. */
    private StatsCollector openStats(final String id) {
        try {
            return client.statsCmd(id).exec(new StatsCollector());
        } catch (RuntimeException e) {
            LOG.warn("no stats for container {}; its CPU and memory are reported as 0: {}", shortId(id), e.toString());
            return new StatsCollector();
        }
    }

    private OutputCollector attach(final String id, final SandboxPolicy policy) throws InterruptedException {
        final OutputCollector output = client.attachContainerCmd(id)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true)
                .withLogs(false)
                .exec(new OutputCollector(policy));
        if (!output.awaitStarted(ATTACH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            closeQuietly(output);
            throw new SandboxException("could not attach to container " + shortId(id) + " within " + ATTACH_TIMEOUT);
        }
        return output;
    }

    /**
     * Waits until the container exits or the wall time passes, running {@code poll} every {@link #PIDS_POLL} on the
     * poller thread meanwhile; then kills it. Returns false if it was killed. (The wait callback's timed {@code
     * awaitCompletion} closes the callback, so it is called once, not in a loop.)
     */
    private boolean awaitExit(final String id, final Duration wallTime, final Runnable poll)
            throws InterruptedException {
        final WaitContainerResultCallback wait = client.waitContainerCmd(id).exec(new WaitContainerResultCallback());
        final ScheduledFuture<?> polling =
                POLLER.scheduleWithFixedDelay(poll, 0, PIDS_POLL.toNanos(), TimeUnit.NANOSECONDS);
        try {
            if (wait.awaitCompletion(wallTime.toMillis(), TimeUnit.MILLISECONDS)) {
                poll.run(); // usually finds the container's cgroup gone already; harmless
                return true;
            }
            final boolean killed = kill(id);
            if (!wait.awaitCompletion(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SandboxException("container " + shortId(id) + " still runs " + KILL_GRACE + " after kill");
            }
            return !killed;
        } finally {
            polling.cancel(false);
            closeQuietly(wait);
        }
    }

    private boolean kill(final String id) {
        try {
            client.killContainerCmd(id).exec();
            LOG.debug("killed container {} at its wall time", shortId(id));
            return true;
        } catch (ConflictException | NotModifiedException e) {
            LOG.debug("container {} exited just before its wall time", shortId(id));
            return false;
        }
    }

    private void remove(final String id) {
        try {
            client.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
            LOG.debug("removed container {}", shortId(id));
        } catch (NotFoundException e) {
            LOG.debug("container {} was already removed", shortId(id));
        } catch (RuntimeException e) {
            LOG.error("could not remove container {}; removeLeftovers() will retry: {}", shortId(id), e.toString());
        }
    }

    private static void closeQuietly(final Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing a Docker stream failed: {}", e.toString());
        }
    }

    private static String shortId(final String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
