// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.povm.worker.attestation.AttestationKey;
import io.povm.worker.attestation.FaultyMode;
import io.povm.worker.attestation.FaultyPlan;
import io.povm.worker.config.ConfigProblem.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns raw settings into checked values, adding a {@link ConfigProblem} for each one that is wrong. */
final class ConfigChecks {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String NAME_ACCEPTED =
            "1 to 64 characters from A-Z a-z 0-9 . _ -, starting with a letter" + " or digit";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");
    private static final Pattern DOCKER_HOST = Pattern.compile("(unix|tcp|npipe)://\\S+");
    private static final String FILE_ACCEPTED =
            "the path of a readable file (relative paths resolve against the" + " config file's directory)";

    private final Map<ConfigKey, Setting> settings;
    private final List<ConfigProblem> problems;

    ConfigChecks(final Map<ConfigKey, Setting> settings, final List<ConfigProblem> problems) {
        this.settings = settings;
        this.problems = problems;
    }

    WorkerConfig.Builder check() {
        final WorkerConfig.Builder b = new WorkerConfig.Builder();
        b.mspId = name(ConfigKey.MSP_ID, "an MSP id of " + NAME_ACCEPTED + ", e.g. Org1MSP");
        b.workerName = name(ConfigKey.WORKER_NAME, "a worker name of " + NAME_ACCEPTED + ", e.g. w1");
        b.certPath = file(ConfigKey.IDENTITY_CERT);
        b.keyPath = file(ConfigKey.IDENTITY_KEY);
        b.peers = new PeerChecks(this).peers(required(ConfigKey.PEERS));
        b.channel = name(ConfigKey.CHANNEL, "a channel name of " + NAME_ACCEPTED);
        b.chaincode = name(ConfigKey.CHAINCODE, "a chaincode name of " + NAME_ACCEPTED);
        b.dockerHost = dockerHost();
        b.slots = integer(ConfigKey.SLOTS, 1, 256);
        b.dataDir = dataDir();
        b.heartbeatInterval = duration(ConfigKey.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
        b.idleInterval = duration(ConfigKey.IDLE_INTERVAL, Duration.ZERO);
        b.healthAddress = host(ConfigKey.HEALTH_ADDRESS);
        b.healthPort = integer(ConfigKey.HEALTH_PORT, 0, 65_535);
        b.images = images();
        b.startWindow = duration(ConfigKey.START_WINDOW, Duration.ofSeconds(1));
        b.drainTimeout = duration(ConfigKey.DRAIN_TIMEOUT, Duration.ZERO);
        b.attestationKey = attestationKey();
        b.faultyMode = faultyMode();
        b.beaconKeyFile = beaconKeyFile();
        b.beaconMode = beaconMode();
        b.beaconRounds = beaconRounds();
        return b;
    }

    Optional<Setting> required(final ConfigKey key) {
        final Setting setting = settings.get(key);
        if (setting == null || setting.text().isEmpty()) {
            problem(
                    Kind.MISSING,
                    key.key(),
                    setting == null ? "nowhere" : setting.origin(),
                    "no value",
                    "set " + key.key() + " in the file or " + key.variable()
                            + (isProfileKey(key) ? ", or set profile" : ""));
            return Optional.empty();
        }
        return Optional.of(setting);
    }

    void problem(final Kind kind, final String key, final String origin, final String what, final String accepted) {
        problems.add(new ConfigProblem(kind, key, origin, what, accepted));
    }

    private static boolean isProfileKey(final ConfigKey key) {
        return key == ConfigKey.MSP_ID
                || key == ConfigKey.IDENTITY_CERT
                || key == ConfigKey.IDENTITY_KEY
                || key == ConfigKey.PEERS;
    }

    private String name(final ConfigKey key, final String accepted) {
        return required(key)
                .map(s -> matching(key.key(), s, s.text(), NAME, accepted))
                .orElse(null);
    }

    private String matching(
            final String key, final Setting s, final String text, final Pattern pattern, final String accepted) {
        if (!pattern.matcher(text).matches()) {
            problem(Kind.MALFORMED, key, s.origin(), "'" + text + "' is malformed", accepted);
        }
        return text;
    }

    Path file(final String key, final Setting s, final String text) {
        final Path path = s.base().resolve(text).normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problem(Kind.BAD_PATH, key, s.origin(), path + " does not exist or is not a readable file", FILE_ACCEPTED);
        }
        return path;
    }

    private Path file(final ConfigKey key) {
        return required(key).map(s -> file(key.key(), s, s.text())).orElse(null);
    }

    private Path dataDir() {
        return required(ConfigKey.DATA_DIR)
                .map(s -> {
                    final Path dir = s.base().resolve(s.text()).normalize();
                    if (Files.exists(dir) && (!Files.isDirectory(dir) || !Files.isWritable(dir))) {
                        problem(
                                Kind.BAD_PATH,
                                ConfigKey.DATA_DIR.key(),
                                s.origin(),
                                dir + " exists but is not a writable directory",
                                "a writable directory, or a path where one can be created");
                    }
                    return dir;
                })
                .orElse(null);
    }

    private String dockerHost() {
        return required(ConfigKey.DOCKER_HOST)
                .map(s -> matching(
                        ConfigKey.DOCKER_HOST.key(),
                        s,
                        s.text(),
                        DOCKER_HOST,
                        "unix:///path/docker.sock, tcp://host:port or npipe://..."))
                .orElse(null);
    }

    private String host(final ConfigKey key) {
        return required(key)
                .map(s -> matching(
                        key.key(),
                        s,
                        s.text(),
                        HOST,
                        "an IP address or host name, e.g. 127.0.0.1 or 0.0.0.0 for every interface"))
                .orElse(null);
    }

    int integer(final ConfigKey key, final int min, final int max) {
        final Optional<Setting> setting = required(key);
        if (setting.isEmpty()) {
            return min;
        }
        final String accepted = "a whole number from " + min + " to " + max;
        final String text = setting.get().text();
        final int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problem(
                    Kind.MALFORMED,
                    key.key(),
                    setting.get().origin(),
                    "'" + text + "' is not a whole number",
                    accepted);
            return min;
        }
        if (value < min || value > max) {
            problem(Kind.OUT_OF_RANGE, key.key(), setting.get().origin(), value + " is out of range", accepted);
        }
        return value;
    }

    private Duration duration(final ConfigKey key, final Duration min) {
        final Optional<Setting> setting = required(key);
        if (setting.isEmpty()) {
            return min;
        }
        final String text = setting.get().text();
        final Optional<Duration> value = Durations.parse(text);
        final String accepted = Durations.ACCEPTED + ", at least " + Durations.format(min);
        if (value.isEmpty()) {
            problem(Kind.MALFORMED, key.key(), setting.get().origin(), "'" + text + "' is not a duration", accepted);
            return min;
        }
        if (value.get().compareTo(min) < 0) {
            problem(Kind.OUT_OF_RANGE, key.key(), setting.get().origin(), text + " is too short", accepted);
            return min;
        }
        return value.get();
    }

    private AttestationKey attestationKey() {
        final ConfigKey key = ConfigKey.ATTESTATION_KEY_FILE;
        final Optional<Setting> setting = required(key);
        if (setting.isEmpty()) {
            return null;
        }
        final Path path = file(key.key(), setting.get(), setting.get().text());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            return null;
        }
        try {
            return AttestationKey.read(path);
        } catch (AttestationKey.InvalidKeyFileException e) {
            problem(Kind.MALFORMED, key.key(), setting.get().origin(), e.getMessage(), AttestationKey.ACCEPTED);
            return null;
        }
    }

    /** The org's beacon key file, optional: without it the daemon takes no part in beacon rounds. */
    private Path beaconKeyFile() {
        final Setting setting = settings.get(ConfigKey.BEACON_KEY_FILE);
        if (setting == null || setting.text().isEmpty()) {
            return null;
        }
        return file(ConfigKey.BEACON_KEY_FILE.key(), setting, setting.text());
    }

    private String beaconMode() {
        return Optional.ofNullable(settings.get(ConfigKey.BEACON_MODE))
                .filter(s -> !s.text().isEmpty())
                .map(s -> {
                    if (!List.of("honest", "withhold", "off").contains(s.text())) {
                        problem(
                                Kind.MALFORMED,
                                ConfigKey.BEACON_MODE.key(),
                                s.origin(),
                                "'" + s.text() + "' is no beacon mode",
                                "honest, off, or withhold (commits but never reveals; tests only)");
                        return "honest";
                    }
                    return s.text();
                })
                .orElse("honest");
    }

    private String beaconRounds() {
        return Optional.ofNullable(settings.get(ConfigKey.BEACON_ROUNDS))
                .filter(s -> !s.text().isEmpty())
                .map(s -> {
                    if (!List.of(WorkerConfig.ROUNDS_ON_DEMAND, WorkerConfig.ROUNDS_CADENCE)
                            .contains(s.text())) {
                        problem(
                                Kind.MALFORMED,
                                ConfigKey.BEACON_ROUNDS.key(),
                                s.origin(),
                                "'" + s.text() + "' is no way of opening rounds",
                                WorkerConfig.ROUNDS_ON_DEMAND + " (a round when a job, an audit or tickets wait for"
                                        + " one) or " + WorkerConfig.ROUNDS_CADENCE + " (one every cadence)");
                        return WorkerConfig.ROUNDS_ON_DEMAND;
                    }
                    return s.text();
                })
                .orElse(WorkerConfig.ROUNDS_ON_DEMAND);
    }

    private FaultyPlan faultyMode() {
        return required(ConfigKey.FAULTY_MODE)
                .map(s -> FaultyPlan.of(s.text()).orElseGet(() -> {
                    problem(
                            Kind.MALFORMED,
                            ConfigKey.FAULTY_MODE.key(),
                            s.origin(),
                            "'" + s.text() + "' is no faulty mode",
                            FaultyPlan.accepted() + " (anything but none is for tests only)");
                    return FaultyPlan.always(FaultyMode.NONE);
                }))
                .orElse(FaultyPlan.always(FaultyMode.NONE));
    }

    private ImagePolicy images() {
        final List<String> allow = globs(ConfigKey.IMAGES_ALLOW);
        final List<String> deny = globs(ConfigKey.IMAGES_DENY);
        if (allow.isEmpty()) {
            final Setting s = settings.get(ConfigKey.IMAGES_ALLOW);
            problem(
                    Kind.MISSING,
                    ConfigKey.IMAGES_ALLOW.key(),
                    s == null ? "nowhere" : s.origin(),
                    "an empty allow list would refuse every job",
                    "one or more " + ImagePolicy.GLOB_ACCEPTED);
        }
        return new ImagePolicy(allow, deny);
    }

    private List<String> globs(final ConfigKey key) {
        final Setting s = settings.get(key);
        final List<String> globs = new ArrayList<>();
        if (s == null) {
            return globs;
        }
        final JsonNode value = s.value();
        if (!value.isArray()) {
            problem(Kind.MALFORMED, key.key(), s.origin(), "not a list", "a YAML list of " + ImagePolicy.GLOB_ACCEPTED);
            return globs;
        }
        for (int i = 0; i < value.size(); i++) {
            final String glob = value.get(i).asText().strip();
            if (value.get(i).isValueNode() && ImagePolicy.GLOB.matcher(glob).matches()) {
                globs.add(glob);
            } else {
                problem(
                        Kind.MALFORMED,
                        key.key() + "[" + i + "]",
                        s.origin(),
                        "'" + value.get(i) + "' is not a" + " glob pattern",
                        ImagePolicy.GLOB_ACCEPTED);
            }
        }
        return globs;
    }
}
