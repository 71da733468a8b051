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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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
 * <p>Every container carries the label {@value #LABEL}{@code =true} plus the labels given to the runner, so that
 * {@link #removeLeftovers()} can clean up after a crash. Thread-safe: runs may proceed in parallel.
 */
public final class SandboxRunner {
    /** Label set on every sandbox container. */
    public static final String LABEL = "io.povm.sandbox";

    static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(10);
    static final Duration KILL_GRACE = Duration.ofSeconds(10);
    static final Duration OUTPUT_DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SandboxRunner.class);

    private final DockerClient client;
    private final Map<String, String> labels;

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
        final String id = create(spec, policy);
        try {
            return execute(id, policy);
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
    }

    /**
     * Removes every container carrying this runner's labels, e.g. those left by a process that died mid-run.
     *
     * @return how many containers were found
     */
    public int removeLeftovers() {
        final List<Container> leftovers = client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(labels)
                .exec();
        leftovers.forEach(container -> remove(container.getId()));
        return leftovers.size();
    }

    static HostConfig hostConfig(final SandboxPolicy policy) {
        return HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,noexec,nosuid,nodev,mode=1777,size=" + policy.tmpfsBytes()))
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

    private String create(final ContainerSpec spec, final SandboxPolicy policy) {
        final String image = spec.image();
        final CreateContainerResponse created;
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
                    .withHostConfig(hostConfig(policy).withBinds(readOnlyBinds(spec)))
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

    private ContainerRun execute(final String id, final SandboxPolicy policy) throws InterruptedException {
        final OutputCollector output = attach(id, policy);
        try {
            final long startedNanos = System.nanoTime();
            start(id);
            final StatsCollector stats = openStats(id);
            final boolean timedOut;
            try {
                timedOut = !awaitExit(id, policy.wallTime());
            } finally {
                closeQuietly(stats);
            }
            final Duration wallTime = Duration.ofNanos(System.nanoTime() - startedNanos);
            final boolean drained = output.awaitCompletion(OUTPUT_DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!drained) {
                LOG.warn(
                        "output of container {} did not end within {}; marking it truncated",
                        shortId(id),
                        OUTPUT_DRAIN_TIMEOUT);
            }
            final ContainerState state = client.inspectContainerCmd(id).exec().getState();
            final ContainerRun run = ContainerRun.builder()
                    .exitCode(exitCode(state))
                    .stdoutBytes(output.stdout().toByteArray())
                    .stdoutTruncated(output.stdout().truncated() || !drained)
                    .stderrTail(output.stderr().toUtf8())
                    .wallTime(wallTime)
                    .timedOut(timedOut)
                    .oomKilled(Boolean.TRUE.equals(state.getOOMKilled()))
                    .resourceUsage(stats.usage())
                    .build();
            LOG.info("container {} finished: {}", shortId(id), run);
            return run;
        } finally {
            closeQuietly(output);
        }
    }

    /** The process's exit code, or -1 if the engine reports none. */
    private static int exitCode(final ContainerState state) {
        final Long exitCode = state.getExitCodeLong();
        return exitCode == null ? -1 : exitCode.intValue();
    }

    private void start(final String id) {
        try {
            client.startContainerCmd(id).exec();
        } catch (DockerException e) {
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

    /** Waits until the container exits or the wall time passes; then kills it. Returns false if it was killed. */
    private boolean awaitExit(final String id, final Duration wallTime) throws InterruptedException {
        final WaitContainerResultCallback wait = client.waitContainerCmd(id).exec(new WaitContainerResultCallback());
        try {
            if (wait.awaitCompletion(wallTime.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            final boolean killed = kill(id);
            if (!wait.awaitCompletion(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SandboxException("container " + shortId(id) + " still runs " + KILL_GRACE + " after kill");
            }
            return !killed;
        } finally {
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
