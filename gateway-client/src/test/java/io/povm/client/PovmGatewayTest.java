// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.client.profile.ConnectionProfile;
import io.povm.client.profile.ProfileFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connects for real (gRPC over Netty, TLS) to a port nobody listens on; no Fabric needed. */
class PovmGatewayTest {
    @TempDir
    Path runDir;

    @Test
    void a_call_to_a_peer_that_is_down_is_unavailable_naming_the_endpoint() throws IOException {
        final String endpoint = "127.0.0.1:" + freePort();
        final ConnectionProfile profile =
                ConnectionProfile.load(ProfileFiles.write(runDir, "org1", endpoint), Map.of());

        try (PovmGateway gateway = PovmGateway.connect(profile, CallDeadlines.all(Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> gateway.chaincode().evaluate("GetJob", "job-1"))
                    .isInstanceOfSatisfying(PovmClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.UNAVAILABLE);
                        assertThat(e.getMessage()).startsWith("peer " + endpoint + " is unavailable");
                        assertThat(e.hint()).isPresent();
                    });
        }
    }

    @Test
    void a_private_key_of_another_user_is_refused_naming_both_files() throws IOException {
        ProfileFiles.write(runDir, "org1", "127.0.0.1:7110");
        final Path other = runDir.resolve("other");
        ProfileFiles.write(other, "org2", "127.0.0.1:8110");
        final Path foreignKey = other.resolve("crypto/org2/priv_sk");
        final ConnectionProfile profile =
                ConnectionProfile.load(runDir.resolve("profiles/org1.json"), Map.of("POVM_KEY", foreignKey.toString()));

        assertThatThrownBy(() -> PovmGateway.connect(profile)).isInstanceOfSatisfying(PovmClientException.class, e -> {
            assertThat(e.kind()).isEqualTo(PovmClientException.Kind.IDENTITY);
            assertThat(e.getMessage())
                    .isEqualTo("private key " + foreignKey + " does not belong to certificate "
                            + profile.certificatePath());
        });
    }

    @Test
    void a_certificate_that_is_not_pem_is_refused_naming_the_file() throws IOException {
        final ConnectionProfile profile =
                ConnectionProfile.load(ProfileFiles.write(runDir, "org1", "127.0.0.1:7110"), Map.of());
        Files.writeString(profile.certificatePath(), "not a certificate");

        assertThatThrownBy(() -> PovmGateway.connect(profile)).isInstanceOfSatisfying(PovmClientException.class, e -> {
            assertThat(e.kind()).isEqualTo(PovmClientException.Kind.IDENTITY);
            assertThat(e.getMessage()).startsWith("cannot read certificate " + profile.certificatePath());
        });
    }

    @Test
    void a_private_key_that_is_not_pem_is_refused_naming_the_file() throws IOException {
        final ConnectionProfile profile =
                ConnectionProfile.load(ProfileFiles.write(runDir, "org1", "127.0.0.1:7110"), Map.of());
        Files.writeString(profile.privateKeyPath(), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> PovmGateway.connect(profile)).isInstanceOfSatisfying(PovmClientException.class, e -> {
            assertThat(e.kind()).isEqualTo(PovmClientException.Kind.IDENTITY);
            assertThat(e.getMessage()).startsWith("cannot read private key " + profile.privateKeyPath());
        });
    }

    @Test
    void a_broken_tls_root_certificate_is_refused_naming_the_file() throws IOException {
        final ConnectionProfile profile =
                ConnectionProfile.load(ProfileFiles.write(runDir, "org1", "127.0.0.1:7110"), Map.of());
        Files.writeString(profile.tlsRootCertPath(), "garbage");

        assertThatThrownBy(() -> PovmGateway.connect(profile)).isInstanceOfSatisfying(PovmClientException.class, e -> {
            assertThat(e.kind()).isEqualTo(PovmClientException.Kind.IDENTITY);
            assertThat(e.getMessage()).startsWith("cannot read TLS root certificate " + profile.tlsRootCertPath());
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
