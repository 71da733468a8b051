// SPDX-License-Identifier: Apache-2.0
package io.povm.client.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.client.PovmClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLocatorTest {
    @TempDir
    Path runDir;

    @Test
    void a_name_is_looked_up_under_the_run_directory() throws IOException {
        final Path file = ProfileFiles.write(runDir, "org2", "127.0.0.1:8110");

        assertThat(new ProfileLocator(runDir).resolve("org2")).isEqualTo(file);
    }

    @Test
    void a_path_ending_in_json_is_read_directly() throws IOException {
        final Path file = ProfileFiles.write(runDir, "org2", "127.0.0.1:8110");

        assertThat(new ProfileLocator(runDir.resolve("elsewhere")).resolve(file.toString()))
                .isEqualTo(file);
    }

    @Test
    void an_unknown_name_lists_the_profiles_that_exist() throws IOException {
        ProfileFiles.write(runDir, "org2", "127.0.0.1:8110");
        ProfileFiles.write(runDir, "org1-admin", "127.0.0.1:7110");
        ProfileFiles.write(runDir, "org1", "127.0.0.1:7110");

        assertThatThrownBy(() -> new ProfileLocator(runDir).resolve("org9"))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.kind())
                        .isEqualTo(PovmClientException.Kind.IDENTITY))
                .hasMessage("no profile 'org9' under " + runDir.resolve("profiles")
                        + "; available: org1, org1-admin, org2; is the network up? run network/network.sh up");
    }

    @Test
    void without_a_profiles_directory_none_are_available() {
        assertThatThrownBy(() -> new ProfileLocator(runDir).resolve("org1"))
                .isInstanceOf(PovmClientException.class)
                .hasMessageContaining("available: none; is the network up?");
    }

    @Test
    void a_missing_json_path_is_reported_by_path() {
        assertThatThrownBy(() -> new ProfileLocator(runDir).resolve("/nowhere/org1.json"))
                .isInstanceOf(PovmClientException.class)
                .hasMessage("profile file /nowhere/org1.json does not exist");
    }

    @Test
    void the_run_directory_comes_from_POVM_RUN_DIR() {
        assertThat(ProfileLocator.fromEnvironment(Map.of("POVM_RUN_DIR", runDir.toString()))
                        .profilesDir())
                .isEqualTo(runDir.resolve("profiles"));
        assertThat(ProfileLocator.fromEnvironment(Map.of()).profilesDir())
                .isEqualTo(Path.of(".run", "profiles").toAbsolutePath());
    }

    @Test
    void load_applies_the_environment() throws IOException {
        ProfileFiles.write(runDir, "org1", "127.0.0.1:7110");

        final ConnectionProfile profile =
                new ProfileLocator(runDir).load("org1", Map.of("POVM_PEER_ENDPOINT", "127.0.0.1:9999"));

        assertThat(profile.peerEndpoint()).isEqualTo("127.0.0.1:9999");
    }
}
