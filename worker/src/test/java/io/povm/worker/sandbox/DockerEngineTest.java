// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DockerEngineTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void ping_of_a_missing_socket_says_how_to_start_an_engine() {
        final URI host = URI.create("unix:///nonexistent/povm-test/docker.sock");
        try (DockerEngine engine = DockerEngine.connect(host, SECOND, SECOND)) {
            assertThatThrownBy(engine::ping)
                    .isInstanceOf(EngineUnavailableException.class)
                    .hasMessageContaining("no Docker engine answers at unix:///nonexistent/povm-test/docker.sock")
                    .hasMessageContaining("scripts/setup-docker.sh")
                    .extracting(e -> ((EngineUnavailableException) e).host())
                    .isEqualTo(host);
        }
    }

    @Test
    void rejects_non_positive_timeouts_by_name() {
        assertThatThrownBy(() -> DockerEngine.connect(DockerEngine.DEFAULT_HOST, Duration.ZERO, SECOND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connectTimeout must be positive, got PT0S");
        assertThatThrownBy(() -> DockerEngine.connect(DockerEngine.DEFAULT_HOST, SECOND, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("responseTimeout");
    }

    @Test
    void keeps_its_host_and_response_timeout() {
        try (DockerEngine engine = DockerEngine.connect(DockerEngine.DEFAULT_HOST, SECOND, Duration.ofMinutes(2))) {
            assertThat(engine.host()).isEqualTo(DockerEngine.DEFAULT_HOST);
            assertThat(engine.responseTimeout()).isEqualTo(Duration.ofMinutes(2));
        }
    }
}
