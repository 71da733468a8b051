// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.povm.worker.config.ConfigProblem.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks the {@code peers} list: each entry an endpoint {@code host:port}, a TLS root cert, an optional host name. */
final class PeerChecks {
    private static final Pattern ENDPOINT = Pattern.compile("([A-Za-z0-9][A-Za-z0-9.-]*):(\\d{1,5})");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
    private static final String ENDPOINT_ACCEPTED = "host:port with a port from 1 to 65535, e.g. 127.0.0.1:7110";
    private static final String PEERS_ACCEPTED = "a list of {endpoint: host:port, tls-root-cert: FILE,"
            + " host-override: NAME (optional)}, or in POVM_WORKER_PEERS endpoint,tls-root-cert[,host-override]"
            + " entries separated by ;";

    private final ConfigChecks checks;

    PeerChecks(final ConfigChecks checks) {
        this.checks = checks;
    }

    List<PeerEndpoint> peers(final Optional<Setting> setting) {
        final List<PeerEndpoint> peers = new ArrayList<>();
        if (setting.isEmpty()) {
            return peers;
        }
        final Setting s = setting.get();
        if (!s.value().isArray() || s.value().isEmpty()) {
            checks.problem(Kind.MISSING, "peers", s.origin(), "no peer", "one or more peers: " + PEERS_ACCEPTED);
            return peers;
        }
        for (int i = 0; i < s.value().size(); i++) {
            peer("peers[" + i + "]", s, s.value().get(i)).ifPresent(peers::add);
        }
        return peers;
    }

    private Optional<PeerEndpoint> peer(final String key, final Setting s, final JsonNode node) {
        if (!node.isObject()) {
            checks.problem(Kind.MALFORMED, key, s.origin(), "not a mapping", PEERS_ACCEPTED);
            return Optional.empty();
        }
        final String endpoint = text(node, "endpoint");
        final Matcher m = ENDPOINT.matcher(endpoint);
        final boolean endpointOk =
                m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 65_535;
        if (!endpointOk) {
            final Kind kind = endpoint.isEmpty() ? Kind.MISSING : Kind.MALFORMED;
            checks.problem(
                    kind,
                    key + ".endpoint",
                    s.origin(),
                    endpoint.isEmpty() ? "no value" : "'" + endpoint + "' is not host:port",
                    ENDPOINT_ACCEPTED);
        }
        final String cert = text(node, "tls-root-cert");
        if (cert.isEmpty()) {
            checks.problem(
                    Kind.MISSING,
                    key + ".tls-root-cert",
                    s.origin(),
                    "no value",
                    "the path of the peer's" + " TLS CA certificate (PEM)");
        }
        final Path certPath = cert.isEmpty() ? null : checks.file(key + ".tls-root-cert", s, cert);
        final String override = text(node, "host-override");
        if (!override.isEmpty() && !HOST_NAME.matcher(override).matches()) {
            checks.problem(
                    Kind.MALFORMED,
                    key + ".host-override",
                    s.origin(),
                    "'" + override + "' is not a host" + " name",
                    "the host name in the peer's TLS certificate, e.g. peer0.org1.povm.test");
        }
        if (!endpointOk || certPath == null) {
            return Optional.empty();
        }
        return Optional.of(new PeerEndpoint(
                m.group(1),
                Integer.parseInt(m.group(2)),
                certPath,
                override.isEmpty() ? Optional.empty() : Optional.of(override)));
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }
}
