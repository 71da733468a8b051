// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import io.povm.worker.testing.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A directory with an identity, a peer CA certificate and a valid worker.yaml to start from. */
final class ConfigFixture {
    static final String VALID = String.join(
            "\n",
            "msp-id: Org1MSP",
            "worker-name: w1",
            "identity:",
            "  cert: crypto/cert.pem",
            "  key: crypto/priv_sk",
            "peers:",
            "  - endpoint: 127.0.0.1:7110",
            "    tls-root-cert: crypto/ca.crt",
            "    host-override: peer0.org1.povm.test",
            "data-dir: data",
            "attestation-key-file: crypto/attestation.key",
            "");

    final Path dir;

    ConfigFixture(final Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir.resolve("crypto"));
            for (String name : new String[] {"cert.pem", "priv_sk", "ca.crt"}) {
                Files.writeString(dir.resolve("crypto").resolve(name), "-----BEGIN TEST-----\n");
            }
            TestKeys.write(dir.resolve("crypto").resolve("attestation.key"), TestKeys.sec1Pem(TestKeys.p256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(final String yaml) {
        try {
            return Files.writeString(dir.resolve("worker.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WorkerConfig load(final String yaml) {
        return load(yaml, Map.of());
    }

    WorkerConfig load(final String yaml, final Map<String, String> env) {
        return WorkerConfig.load(write(yaml), env);
    }

    /** @return the valid file with the line starting with {@code key:} replaced, or appended when absent */
    static String with(final String key, final String line) {
        final StringBuilder out = new StringBuilder();
        boolean replaced = false;
        for (String l : VALID.split("\n")) {
            if (l.startsWith(key + ":")) {
                out.append(line).append('\n');
                replaced = true;
            } else {
                out.append(l).append('\n');
            }
        }
        return replaced ? out.toString() : out + line + "\n";
    }

    /** @return the valid file without the top-level line starting with {@code key:} */
    static String without(final String key) {
        return with(key, "");
    }
}
