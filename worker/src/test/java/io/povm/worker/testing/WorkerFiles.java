// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A valid worker.yaml with its identity and peer CA files in a temp directory, for tests outside config. */
public final class WorkerFiles {
    private WorkerFiles() {}

    /** @return the config file; {@code extra} lines are appended */
    public static Path config(final Path dir, final String extra) {
        try {
            Files.createDirectories(dir);
            final Path pem = Files.writeString(dir.resolve("x.pem"), "-----BEGIN TEST-----\n");
            final Path key = TestKeys.write(dir.resolve("attestation.key"), TestKeys.sec1Pem(TestKeys.p256()));
            return Files.writeString(
                    dir.resolve("worker.yaml"),
                    "msp-id: Org1MSP\nworker-name: w1\nidentity: {cert: " + pem + ", key: " + pem + "}\n"
                            + "peers: [{endpoint: 127.0.0.1:7110, tls-root-cert: " + pem + "}]\n"
                            + "data-dir: data\nattestation-key-file: " + key + "\n" + extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a port that was free a moment ago */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
