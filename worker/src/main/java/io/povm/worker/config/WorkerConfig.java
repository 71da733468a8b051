// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import io.povm.worker.attestation.AttestationKey;
import io.povm.worker.attestation.FaultyPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The worker daemon's configuration: who it is, which peers it talks to, how many replicas it runs at once, where
 * it keeps its state and which images it accepts. Immutable and valid: every instance comes from {@link
 * #load(Path, Map)}, which checks every key.
 *
 * <pre>{@code
 * WorkerConfig config = WorkerConfig.load(Path.of("worker.yaml"), System.getenv());
 * config.workerKey();    // "Org1MSP/w1"
 * }</pre>
 */
public final class WorkerConfig {
    /** The file name of the report journal inside {@link #dataDir()}. */
    public static final String JOURNAL_FILE = "reports.journal";
    /** The file name of the chaincode event checkpoint inside {@link #dataDir()}. */
    public static final String CHECKPOINT_FILE = "events.checkpoint";
    /** {@link #beaconRounds()}: a round only when something waits for one (the default). */
    public static final String ROUNDS_ON_DEMAND = "on-demand";
    /** {@link #beaconRounds()}: a round every governed cadence, work or not. */
    public static final String ROUNDS_CADENCE = "cadence";

    private final Path source;
    private final String mspId;
    private final String workerName;
    private final Path certPath;
    private final Path keyPath;
    private final List<PeerEndpoint> peers;
    private final String channel;
    private final String chaincode;
    private final String dockerHost;
    private final int slots;
    private final Path dataDir;
    private final Duration heartbeatInterval;
    private final Duration idleInterval;
    private final String healthAddress;
    private final int healthPort;
    private final ImagePolicy images;
    private final Duration startWindow;
    private final Duration drainTimeout;
    private final AttestationKey attestationKey;
    private final FaultyPlan faultyMode;
    private final Path beaconKeyFile;
    private final String beaconMode;
    private final String beaconRounds;

    private WorkerConfig(final Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.mspId = Objects.requireNonNull(b.mspId, "mspId");
        this.workerName = Objects.requireNonNull(b.workerName, "workerName");
        this.certPath = Objects.requireNonNull(b.certPath, "certPath");
        this.keyPath = Objects.requireNonNull(b.keyPath, "keyPath");
        this.peers = List.copyOf(b.peers);
        this.channel = Objects.requireNonNull(b.channel, "channel");
        this.chaincode = Objects.requireNonNull(b.chaincode, "chaincode");
        this.dockerHost = Objects.requireNonNull(b.dockerHost, "dockerHost");
        this.slots = b.slots;
        this.dataDir = Objects.requireNonNull(b.dataDir, "dataDir");
        this.heartbeatInterval = Objects.requireNonNull(b.heartbeatInterval, "heartbeatInterval");
        this.idleInterval = Objects.requireNonNull(b.idleInterval, "idleInterval");
        this.healthAddress = Objects.requireNonNull(b.healthAddress, "healthAddress");
        this.healthPort = b.healthPort;
        this.images = Objects.requireNonNull(b.images, "images");
        this.startWindow = Objects.requireNonNull(b.startWindow, "startWindow");
        this.drainTimeout = Objects.requireNonNull(b.drainTimeout, "drainTimeout");
        this.attestationKey = Objects.requireNonNull(b.attestationKey, "attestationKey");
        this.faultyMode = Objects.requireNonNull(b.faultyMode, "faultyMode");
        this.beaconKeyFile = b.beaconKeyFile;
        this.beaconMode = b.beaconMode == null ? "honest" : b.beaconMode;
        this.beaconRounds = b.beaconRounds == null ? ROUNDS_ON_DEMAND : b.beaconRounds;
    }

    /**
     * Reads a YAML configuration file, applies the {@code POVM_WORKER_*} environment overrides and the {@code
     * profile} shortcut, and checks every key.
     *
     * @param file the YAML file
     * @param env the environment, usually {@code System.getenv()}
     * @throws ConfigException listing every problem, each naming the key, what was wrong and what is accepted
     */
    public static WorkerConfig load(final Path file, final Map<String, String> env) {
        return new WorkerConfigLoader(file, env).load();
    }

    /** @return the absolute path of the file the configuration was read from */
    public Path source() {
        return source;
    }

    public String mspId() {
        return mspId;
    }

    public String workerName() {
        return workerName;
    }

    /** @return {@code MSP/NAME}, the worker's key on the ledger, e.g. {@code Org1MSP/w1} */
    public String workerKey() {
        return mspId + "/" + workerName;
    }

    /** @return the PEM certificate of the worker's Fabric identity */
    public Path certPath() {
        return certPath;
    }

    /** @return the PEM private key of the worker's Fabric identity */
    public Path keyPath() {
        return keyPath;
    }

    /** @return one or more peers, in the order to try them */
    public List<PeerEndpoint> peers() {
        return peers;
    }

    public String channel() {
        return channel;
    }

    public String chaincode() {
        return chaincode;
    }

    /** @return the Docker engine, e.g. {@code unix:///var/run/docker.sock} */
    public String dockerHost() {
        return dockerHost;
    }

    /** @return how many replicas the worker runs at once, at least 1 */
    public int slots() {
        return slots;
    }

    /** @return the directory of the report journal and the event checkpoint */
    public Path dataDir() {
        return dataDir;
    }

    public Path journalFile() {
        return dataDir.resolve(JOURNAL_FILE);
    }

    public Path checkpointFile() {
        return dataDir.resolve(CHECKPOINT_FILE);
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /**
     * @return with nothing in flight, how often the daemon still ticks the clock (its ledger heartbeat: every two);
     *     zero: every heartbeat interval, as while busy (see {@code IdlePacing})
     */
    public Duration idleInterval() {
        return idleInterval;
    }

    /** @return the address the health and metrics endpoint binds to, e.g. {@code 127.0.0.1} */
    public String healthAddress() {
        return healthAddress;
    }

    /** @return the port of the health and metrics endpoint when it is on */
    public Optional<Integer> healthPort() {
        return healthPort == 0 ? Optional.empty() : Optional.of(healthPort);
    }

    public ImagePolicy images() {
        return images;
    }

    /** @return how long after an assignment the worker may still start a replica */
    public Duration startWindow() {
        return startWindow;
    }

    /** @return how long a stopping worker waits for running replicas before it abandons them */
    public Duration drainTimeout() {
        return drainTimeout;
    }

    /** @return the private attestation key (read and checked to be P-256 at load) that signs the attestations */
    public AttestationKey attestationKey() {
        return attestationKey;
    }

    /** @return how the worker misbehaves on purpose, replica by replica; honest but in tests */
    public FaultyPlan faultyMode() {
        return faultyMode;
    }

    /** @return the org's beacon private key file; empty when the daemon takes no part in beacon rounds */
    public java.util.Optional<Path> beaconKeyFile() {
        return java.util.Optional.ofNullable(beaconKeyFile).filter(p -> !"off".equals(beaconMode));
    }

    /**
     * @return {@value #ROUNDS_ON_DEMAND}: the daemon opens a beacon round only when something waits for one (a job
     *     not yet final, tickets of paid work); {@value #ROUNDS_CADENCE}: one every governed cadence, work or not
     */
    public String beaconRounds() {
        return beaconRounds;
    }

    /** @return {@code honest}, {@code off} or {@code withhold} (commits, never reveals: for tests) */
    public String beaconMode() {
        return beaconMode;
    }

    @Override
    public String toString() {
        return "WorkerConfig{" + workerKey() + ", peers " + peers + ", " + channel + "/" + chaincode + ", " + slots
                + " slot(s), data " + dataDir + ", docker " + dockerHost + ", health "
                + healthPort().map(p -> healthAddress + ":" + p).orElse("off") + ", images " + images
                + ", heartbeat " + Durations.format(heartbeatInterval) + ", idle " + Durations.format(idleInterval)
                + ", start window "
                + Durations.format(startWindow) + ", drain " + Durations.format(drainTimeout)
                + (faultyMode.honest() ? "" : ", FAULTY MODE " + faultyMode.configName()) + ", from "
                + source + "}";
    }

    /** Collects the checked values; only {@link WorkerConfigLoader} builds. */
    static final class Builder {
        Path source;
        String mspId;
        String workerName;
        Path certPath;
        Path keyPath;
        List<PeerEndpoint> peers = List.of();
        String channel;
        String chaincode;
        String dockerHost;
        int slots;
        Path dataDir;
        Duration heartbeatInterval;
        Duration idleInterval;
        String healthAddress;
        int healthPort;
        ImagePolicy images;
        Duration startWindow;
        Duration drainTimeout;
        AttestationKey attestationKey;
        FaultyPlan faultyMode;
        Path beaconKeyFile;
        String beaconMode;
        String beaconRounds;

        WorkerConfig build() {
            return new WorkerConfig(this);
        }
    }
}
