// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every key of the worker configuration file, with its environment override {@code POVM_WORKER_<KEY>} (dots and
 * dashes become underscores: {@code health.port} is {@code POVM_WORKER_HEALTH_PORT}).
 */
public enum ConfigKey {
    PROFILE("profile"),
    MSP_ID("msp-id"),
    WORKER_NAME("worker-name"),
    IDENTITY_CERT("identity.cert"),
    IDENTITY_KEY("identity.key"),
    PEERS("peers"),
    CHANNEL("channel"),
    CHAINCODE("chaincode"),
    DOCKER_HOST("docker-host"),
    SLOTS("slots"),
    DATA_DIR("data-dir"),
    HEARTBEAT_INTERVAL("heartbeat-interval"),
    IDLE_INTERVAL("idle-interval"),
    HEALTH_ADDRESS("health.address"),
    HEALTH_PORT("health.port"),
    IMAGES_ALLOW("images.allow"),
    IMAGES_DENY("images.deny"),
    START_WINDOW("start-window"),
    DRAIN_TIMEOUT("drain-timeout"),
    ATTESTATION_KEY_FILE("attestation-key-file"),
    FAULTY_MODE("faulty-mode"),
    BEACON_KEY_FILE("beacon.key-file"),
    BEACON_MODE("beacon.mode"),
    BEACON_ROUNDS("beacon.rounds");

    /** The prefix of every environment override. */
    public static final String ENV_PREFIX = "POVM_WORKER_";

    private final String key;

    ConfigKey(final String key) {
        this.key = key;
    }

    /** @return the key as written in the file, dotted for nested keys, e.g. {@code identity.cert} */
    public String key() {
        return key;
    }

    /** @return the environment variable that overrides the key, e.g. {@code POVM_WORKER_IDENTITY_CERT} */
    public String variable() {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** @return the key written {@code key}, e.g. for {@code identity.cert} */
    public static Optional<ConfigKey> of(final String key) {
        return Stream.of(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
