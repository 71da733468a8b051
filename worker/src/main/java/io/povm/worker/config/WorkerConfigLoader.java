// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.povm.worker.config.ConfigProblem.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Gathers the raw settings, in order of precedence: environment override, file, connection profile, default. Then
 * hands them to {@link ConfigChecks}. Relative paths resolve against the file's directory (values from the file)
 * or the working directory (values from the environment).
 */
final class WorkerConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SECTIONS = Set.of("identity", "health", "images", "beacon");
    private static final Set<String> PEER_FIELDS = Set.of("endpoint", "tls-root-cert", "host-override");
    private static final Map<ConfigKey, String> DEFAULTS = Map.ofEntries(
            Map.entry(ConfigKey.CHANNEL, "povm"),
            Map.entry(ConfigKey.CHAINCODE, "povm"),
            Map.entry(ConfigKey.DOCKER_HOST, "unix:///var/run/docker.sock"),
            Map.entry(ConfigKey.SLOTS, "1"),
            Map.entry(ConfigKey.HEARTBEAT_INTERVAL, "30s"),
            Map.entry(ConfigKey.IDLE_INTERVAL, "50s"),
            Map.entry(ConfigKey.HEALTH_ADDRESS, "127.0.0.1"),
            Map.entry(ConfigKey.HEALTH_PORT, "9464"),
            Map.entry(ConfigKey.START_WINDOW, "60s"),
            Map.entry(ConfigKey.DRAIN_TIMEOUT, "2m"),
            Map.entry(ConfigKey.FAULTY_MODE, "none"));

    private final Path file;
    private final Map<String, String> env;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<ConfigKey, Setting> settings = new EnumMap<>(ConfigKey.class);

    WorkerConfigLoader(final Path file, final Map<String, String> env) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.env = Objects.requireNonNull(env, "env");
    }

    WorkerConfig load() {
        readFile();
        readEnvironment();
        readProfile();
        readDefaults();
        if (problems.isEmpty()) {
            final WorkerConfig.Builder builder = new ConfigChecks(settings, problems).check();
            builder.source = file;
            if (problems.isEmpty()) {
                return builder.build();
            }
        }
        throw new ConfigException(file, problems);
    }

    private void readFile() {
        final JsonNode root;
        try {
            root = Files.isRegularFile(file) ? YAML.readTree(file.toFile()) : null;
        } catch (IOException e) {
            problems.add(new ConfigProblem(
                    Kind.UNREADABLE, "(file)", file.toString(), firstLine(e.getMessage()), "a YAML mapping"));
            return;
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            final String why = Files.isRegularFile(file) ? "is not a YAML mapping" : "does not exist";
            problems.add(new ConfigProblem(
                    Kind.UNREADABLE, "(file)", file.toString(), "the file " + why, "a YAML mapping of keys"));
            return;
        }
        flatten(root, "");
    }

    private void flatten(final JsonNode node, final String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> field = it.next();
            final String key = prefix + field.getKey();
            if (prefix.isEmpty() && SECTIONS.contains(key) && field.getValue().isObject()) {
                flatten(field.getValue(), key + ".");
            } else if (ConfigKey.of(key).isPresent()) {
                if (!field.getValue().isNull()) {
                    settings.put(ConfigKey.of(key).get(), new Setting(field.getValue(), file.toString(), dir()));
                }
            } else {
                problems.add(new ConfigProblem(Kind.UNKNOWN_KEY, key, file.toString(), "unknown key", known()));
            }
        }
        checkPeerFields();
    }

    private void checkPeerFields() {
        final Setting peers = settings.get(ConfigKey.PEERS);
        if (peers == null || !peers.value().isArray()) {
            return;
        }
        for (int i = 0; i < peers.value().size(); i++) {
            final JsonNode peer = peers.value().get(i);
            for (Iterator<String> it = peer.fieldNames(); it.hasNext(); ) {
                final String name = it.next();
                if (!PEER_FIELDS.contains(name)) {
                    problems.add(new ConfigProblem(
                            Kind.UNKNOWN_KEY,
                            "peers[" + i + "]." + name,
                            file.toString(),
                            "unknown key",
                            String.join(", ", PEER_FIELDS.stream().sorted().collect(Collectors.toList()))));
                }
            }
        }
    }

    private void readEnvironment() {
        final Path workingDir = Path.of("").toAbsolutePath();
        for (ConfigKey key : ConfigKey.values()) {
            final String value = env.get(key.variable());
            if (value != null && !value.isBlank()) {
                settings.put(key, new Setting(envNode(key, value.strip()), key.variable(), workingDir));
            }
        }
    }

    /** Lists are comma-separated; peers are {@code endpoint,tls-root-cert[,host-override]} separated by {@code ;}. */
    private static JsonNode envNode(final ConfigKey key, final String value) {
        if (key == ConfigKey.IMAGES_ALLOW || key == ConfigKey.IMAGES_DENY) {
            final ArrayNode list = NODES.arrayNode();
            Stream.of(value.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(list::add);
            return list;
        }
        if (key == ConfigKey.PEERS) {
            final ArrayNode peers = NODES.arrayNode();
            for (String entry : value.split(";")) {
                final String[] parts = entry.strip().split(",", -1);
                final ObjectNode peer = peers.addObject();
                peer.put("endpoint", parts[0].strip());
                if (parts.length > 1) {
                    peer.put("tls-root-cert", parts[1].strip());
                }
                if (parts.length > 2 && !parts[2].isBlank()) {
                    peer.put("host-override", parts[2].strip());
                }
            }
            return peers;
        }
        return TextNode.valueOf(value);
    }

    /**
     * Reads the JSON connection profile {@code network/network.sh} writes (the fields gateway-client's {@code
     * ConnectionProfile} reads). Its values go through the same checks as the file's, with the profile as origin and
     * its directory as the base of relative paths.
     */
    private void readProfile() {
        final Setting profile = settings.get(ConfigKey.PROFILE);
        if (profile == null) {
            return;
        }
        final Path path = profile.base().resolve(profile.text()).normalize();
        final JsonNode json;
        try {
            json = Files.isRegularFile(path) ? JSON.readTree(path.toFile()) : null;
        } catch (IOException e) {
            badProfile(profile, path + " is not JSON: " + firstLine(e.getMessage()));
            return;
        }
        if (json == null || !json.isObject()) {
            badProfile(profile, path + (json == null ? " does not exist" : " is not a JSON object"));
            return;
        }
        final String origin = "profile " + path;
        final Path base = path.getParent();
        fillFromProfile(ConfigKey.MSP_ID, json, "mspId", origin, base);
        fillFromProfile(ConfigKey.IDENTITY_CERT, json, "certificatePath", origin, base);
        fillFromProfile(ConfigKey.IDENTITY_KEY, json, "privateKeyPath", origin, base);
        fillFromProfile(ConfigKey.CHANNEL, json, "channel", origin, base);
        fillFromProfile(ConfigKey.CHAINCODE, json, "chaincode", origin, base);
        final ObjectNode peer = NODES.objectNode()
                .put("endpoint", json.path("peerEndpoint").asText(""))
                .put("tls-root-cert", json.path("tlsRootCertPath").asText(""));
        if (json.path("peerHostAlias").isTextual()) {
            peer.put("host-override", json.get("peerHostAlias").asText());
        }
        settings.putIfAbsent(ConfigKey.PEERS, new Setting(NODES.arrayNode().add(peer), origin, base));
    }

    private void fillFromProfile(
            final ConfigKey key, final JsonNode json, final String field, final String origin, final Path base) {
        if (json.path(field).isTextual()) {
            settings.putIfAbsent(key, new Setting(json.get(field), origin, base));
        }
    }

    private void badProfile(final Setting profile, final String problem) {
        problems.add(new ConfigProblem(
                Kind.BAD_PATH,
                ConfigKey.PROFILE.key(),
                profile.origin(),
                problem,
                "a connection profile written by network/network.sh, e.g. .run/profiles/org1.json"));
    }

    private void readDefaults() {
        DEFAULTS.forEach((key, value) -> fill(key, TextNode.valueOf(value), "default"));
        fill(ConfigKey.IMAGES_ALLOW, NODES.arrayNode().add("povm/*"), "default");
        fill(ConfigKey.IMAGES_DENY, NODES.arrayNode(), "default");
    }

    private void fill(final ConfigKey key, final JsonNode value, final String origin) {
        settings.putIfAbsent(key, new Setting(value, origin, dir()));
    }

    private Path dir() {
        return file.getParent();
    }

    private static String known() {
        return Stream.of(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.joining(", "));
    }

    private static String firstLine(final String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
