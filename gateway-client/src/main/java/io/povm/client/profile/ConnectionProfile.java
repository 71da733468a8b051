// SPDX-License-Identifier: Apache-2.0
package io.povm.client.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.povm.client.PovmClientException;
import io.povm.client.UserDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and as whom a client connects: one organization's peer, its TLS root certificate, a user's certificate and
 * private key, and the channel and chaincode names. Immutable; read from a JSON file written by
 * {@code network/network.sh}, each field optionally overridden by an environment variable:
 *
 * <pre>{@code
 * {"mspId":"Org1MSP","peerEndpoint":"127.0.0.1:7110","peerHostAlias":"peer0.org1.povm.test",
 *  "tlsRootCertPath":"/abs/tlsca.pem","certificatePath":"/abs/cert.pem","privateKeyPath":"/abs/priv_sk",
 *  "channel":"povm","chaincode":"povm"}
 * }</pre>
 *
 * <p>Overrides: {@code POVM_MSP_ID}, {@code POVM_PEER_ENDPOINT}, {@code POVM_PEER_HOST_ALIAS},
 * {@code POVM_TLS_ROOT_CERT}, {@code POVM_CERT}, {@code POVM_KEY}, {@code POVM_CHANNEL}, {@code POVM_CHAINCODE}.
 * Relative paths in the file are resolved against the file's directory.
 */
public final class ConnectionProfile {
    private final Path source;
    private final Map<ProfileSetting, String> values;

    private ConnectionProfile(final Path source, final Map<ProfileSetting, String> values) {
        this.source = source;
        this.values = values;
    }

    /**
     * Reads a profile file and applies the environment overrides; checks that every field is set and every file
     * it names is readable.
     *
     * @param file the profile's JSON file
     * @param env the environment, usually {@code System.getenv()}
     * @throws PovmClientException {@link PovmClientException.Kind#IDENTITY} naming the file or field at fault
     */
    /**
     * A profile from values already at hand (e.g. a worker daemon's configuration), checked like a loaded one.
     *
     * @param source where the values came from, for messages
     */
    public static ConnectionProfile of(
            final Path source,
            final String mspId,
            final String peerEndpoint,
            final String peerHostAlias,
            final Path tlsRootCert,
            final Path certificate,
            final Path privateKey,
            final String channel,
            final String chaincode) {
        final Map<ProfileSetting, String> values = new EnumMap<>(ProfileSetting.class);
        values.put(ProfileSetting.MSP_ID, mspId);
        values.put(ProfileSetting.PEER_ENDPOINT, peerEndpoint);
        values.put(ProfileSetting.PEER_HOST_ALIAS, peerHostAlias);
        values.put(ProfileSetting.TLS_ROOT_CERT, tlsRootCert.toAbsolutePath().toString());
        values.put(ProfileSetting.CERTIFICATE, certificate.toAbsolutePath().toString());
        values.put(ProfileSetting.PRIVATE_KEY, privateKey.toAbsolutePath().toString());
        values.put(ProfileSetting.CHANNEL, channel);
        values.put(ProfileSetting.CHAINCODE, chaincode);
        values.forEach((setting, value) -> {
            if (value == null || value.isBlank()) {
                throw PovmClientException.identity(source + " has no " + setting.field(), null, null);
            }
        });
        return new ConnectionProfile(source.toAbsolutePath(), values);
    }

    public static ConnectionProfile load(final Path file, final Map<String, String> env) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(env, "env");
        final JsonNode json = readJson(file);
        final Map<ProfileSetting, String> values = new EnumMap<>(ProfileSetting.class);
        for (ProfileSetting setting : ProfileSetting.values()) {
            values.put(setting, resolve(setting, file, json, env));
        }
        return new ConnectionProfile(file.toAbsolutePath(), values);
    }

    private static JsonNode readJson(final Path file) {
        if (!Files.isRegularFile(file)) {
            throw PovmClientException.identity("profile " + file.toAbsolutePath() + " does not exist", null, null);
        }
        try {
            final JsonNode json = UserDocuments.read(Files.readString(file), UserDocuments.Format.JSON);
            if (json == null || !json.isObject()) {
                throw PovmClientException.identity("profile " + file + " is not a JSON object", null, null);
            }
            return json;
        } catch (IOException | IllegalArgumentException e) {
            throw PovmClientException.identity(
                    "cannot read profile " + file + ": " + firstLine(e.getMessage()), null, e);
        }
    }

    private static String resolve(
            final ProfileSetting setting, final Path file, final JsonNode json, final Map<String, String> env) {
        final String override = env.get(setting.variable());
        final boolean fromEnv = override != null && !override.isBlank();
        final JsonNode node = json.get(setting.field());
        final String value = fromEnv ? override.strip() : node != null && node.isTextual() ? node.asText() : "";
        if (value.isBlank()) {
            throw PovmClientException.identity(
                    "profile " + file + " has no " + setting.field() + " (set it there or in " + setting.variable()
                            + ")",
                    null,
                    null);
        }
        if (!setting.isFile()) {
            return value;
        }
        final Path base = fromEnv ? Path.of("") : file.toAbsolutePath().getParent();
        final Path path = base.resolve(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            final String origin = fromEnv ? setting.variable() : "profile " + file;
            throw PovmClientException.identity(
                    setting.field() + " " + path + " does not exist or is not readable (from " + origin + ")",
                    "is the network up? run network/network.sh status",
                    null);
        }
        return path.toString();
    }

    private static String firstLine(final String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** @return the absolute path of the file this profile was read from */
    public Path source() {
        return source;
    }

    public String mspId() {
        return values.get(ProfileSetting.MSP_ID);
    }

    /** @return the peer's gRPC endpoint, {@code host:port} */
    public String peerEndpoint() {
        return values.get(ProfileSetting.PEER_ENDPOINT);
    }

    /** @return the host name in the peer's TLS certificate, used as the call authority */
    public String peerHostAlias() {
        return values.get(ProfileSetting.PEER_HOST_ALIAS);
    }

    public Path tlsRootCertPath() {
        return Path.of(values.get(ProfileSetting.TLS_ROOT_CERT));
    }

    public Path certificatePath() {
        return Path.of(values.get(ProfileSetting.CERTIFICATE));
    }

    public Path privateKeyPath() {
        return Path.of(values.get(ProfileSetting.PRIVATE_KEY));
    }

    public String channel() {
        return values.get(ProfileSetting.CHANNEL);
    }

    public String chaincode() {
        return values.get(ProfileSetting.CHAINCODE);
    }

    @Override
    public String toString() {
        return "ConnectionProfile{" + mspId() + " at " + peerEndpoint() + " (" + peerHostAlias() + "), " + channel()
                + "/" + chaincode() + ", from " + source + "}";
    }
}
