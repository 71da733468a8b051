// SPDX-License-Identifier: Apache-2.0
package io.povm.client.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.client.PovmClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionProfileTest {
    @TempDir
    Path runDir;

    @Test
    void reads_every_field_of_a_profile_file() throws IOException {
        final Path file = ProfileFiles.write(runDir, "org1", "127.0.0.1:7110");

        final ConnectionProfile profile = ConnectionProfile.load(file, Map.of());

        assertThat(profile.mspId()).isEqualTo("Org1MSP");
        assertThat(profile.peerEndpoint()).isEqualTo("127.0.0.1:7110");
        assertThat(profile.peerHostAlias()).isEqualTo("peer0.org1.povm.test");
        assertThat(profile.tlsRootCertPath()).isEqualTo(runDir.resolve("crypto/org1/tlsca.pem"));
        assertThat(profile.certificatePath()).isEqualTo(runDir.resolve("crypto/org1/cert.pem"));
        assertThat(profile.privateKeyPath()).isEqualTo(runDir.resolve("crypto/org1/priv_sk"));
        assertThat(profile.channel()).isEqualTo("povm");
        assertThat(profile.chaincode()).isEqualTo("povm");
        assertThat(profile.source()).isEqualTo(file.toAbsolutePath());
    }

    @Test
    void environment_variables_override_the_file() throws IOException {
        final Path file = ProfileFiles.write(runDir, "org1", "127.0.0.1:7110");
        final Path otherCert = Files.copy(runDir.resolve("crypto/org1/cert.pem"), runDir.resolve("other.pem"));

        final ConnectionProfile profile = ConnectionProfile.load(
                file,
                Map.of(
                        "POVM_MSP_ID", "Org2MSP",
                        "POVM_PEER_ENDPOINT", "127.0.0.1:8110",
                        "POVM_PEER_HOST_ALIAS", "peer0.org2.povm.test",
                        "POVM_CERT", otherCert.toString(),
                        "POVM_CHANNEL", "other",
                        "POVM_CHAINCODE", "povm2"));

        assertThat(profile.mspId()).isEqualTo("Org2MSP");
        assertThat(profile.peerEndpoint()).isEqualTo("127.0.0.1:8110");
        assertThat(profile.peerHostAlias()).isEqualTo("peer0.org2.povm.test");
        assertThat(profile.certificatePath()).isEqualTo(otherCert);
        assertThat(profile.channel()).isEqualTo("other");
        assertThat(profile.chaincode()).isEqualTo("povm2");
        assertThat(profile.privateKeyPath()).isEqualTo(runDir.resolve("crypto/org1/priv_sk"));
    }

    @Test
    void blank_environment_variables_do_not_override() throws IOException {
        final Path file = ProfileFiles.write(runDir, "org1", "127.0.0.1:7110");

        final ConnectionProfile profile = ConnectionProfile.load(file, Map.of("POVM_MSP_ID", " "));

        assertThat(profile.mspId()).isEqualTo("Org1MSP");
    }

    @Test
    void relative_paths_in_the_file_are_resolved_against_its_directory() throws IOException {
        ProfileFiles.write(runDir, "org1", "127.0.0.1:7110");
        final Path file = Files.writeString(
                runDir.resolve("profiles/relative.json"),
                "{\"mspId\":\"Org1MSP\",\"peerEndpoint\":\"127.0.0.1:7110\",\"peerHostAlias\":\"peer0\","
                        + "\"tlsRootCertPath\":\"../crypto/org1/tlsca.pem\",\"certificatePath\":\"../crypto/org1/cert.pem\","
                        + "\"privateKeyPath\":\"../crypto/org1/priv_sk\",\"channel\":\"povm\",\"chaincode\":\"povm\"}");

        final ConnectionProfile profile = ConnectionProfile.load(file, Map.of());

        assertThat(profile.tlsRootCertPath()).isEqualTo(runDir.resolve("crypto/org1/tlsca.pem"));
    }

    @Test
    void a_missing_certificate_file_is_named_with_its_field() throws IOException {
        final Path file = ProfileFiles.write(runDir, "org1", "127.0.0.1:7110");
        Files.delete(runDir.resolve("crypto/org1/cert.pem"));

        assertThatThrownBy(() -> ConnectionProfile.load(file, Map.of()))
                .isInstanceOfSatisfying(PovmClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PovmClientException.Kind.IDENTITY);
                    assertThat(e.getMessage())
                            .contains("certificatePath")
                            .contains(runDir.resolve("crypto/org1/cert.pem").toString())
                            .contains("does not exist")
                            .contains(file.toString());
                });
    }

    @Test
    void a_missing_file_named_by_the_environment_names_the_variable() throws IOException {
        final Path file = ProfileFiles.write(runDir, "org1", "127.0.0.1:7110");

        assertThatThrownBy(() -> ConnectionProfile.load(file, Map.of("POVM_KEY", "/nowhere/priv_sk")))
                .isInstanceOf(PovmClientException.class)
                .hasMessageContaining("privateKeyPath /nowhere/priv_sk does not exist")
                .hasMessageContaining("POVM_KEY");
    }

    @Test
    void a_missing_field_is_named_with_its_variable() throws IOException {
        final Path file = Files.writeString(runDir.resolve("partial.json"), "{\"mspId\":\"Org1MSP\"}");

        assertThatThrownBy(() -> ConnectionProfile.load(file, Map.of()))
                .isInstanceOf(PovmClientException.class)
                .hasMessageContaining("has no peerEndpoint")
                .hasMessageContaining("POVM_PEER_ENDPOINT");
    }

    @Test
    void a_file_that_is_not_a_json_object_is_reported() throws IOException {
        final Path file = Files.writeString(runDir.resolve("broken.json"), "{\"mspId\":");

        assertThatThrownBy(() -> ConnectionProfile.load(file, Map.of()))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.kind())
                        .isEqualTo(PovmClientException.Kind.IDENTITY))
                .hasMessageContaining("cannot read profile " + file);
    }

    @Test
    void a_profile_with_a_duplicate_key_is_refused_naming_the_key_and_its_line() throws IOException {
        final Path file = ProfileFiles.write(runDir, "org1", "127.0.0.1:7110");
        Files.writeString(file, Files.readString(file).replace("}", ",\n\"peerEndpoint\":\"10.0.0.9:7051\"}"));

        assertThatThrownBy(() -> ConnectionProfile.load(file, Map.of()))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.kind())
                        .isEqualTo(PovmClientException.Kind.IDENTITY))
                .hasMessageContaining("cannot read profile " + file)
                .hasMessageContaining("duplicate key 'peerEndpoint' (line 2, column");
    }

    @Test
    void a_missing_profile_file_is_reported() {
        final Path file = runDir.resolve("absent.json");

        assertThatThrownBy(() -> ConnectionProfile.load(file, Map.of()))
                .isInstanceOf(PovmClientException.class)
                .hasMessage("profile " + file.toAbsolutePath() + " does not exist");
    }
}
