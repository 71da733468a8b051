// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.worker.journal.ReplicaId;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthServerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final StatusBoard board =
            new StatusBoard(WorkerStatus.starting("Org1MSP/w1", 2), Clock.fixed(T0, ZoneOffset.UTC));
    private final WorkerMetrics metrics = new WorkerMetrics(board);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HealthServer server;

    @BeforeEach
    void start() throws Exception {
        server = HealthServer.start(new InetSocketAddress("127.0.0.1", 0), board, metrics);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(final String path) throws Exception {
        final URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        return http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthz_is_503_while_the_daemon_is_down() throws Exception {
        final HttpResponse<String> response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(StatusJson.read(response.body()).state()).isEqualTo(DaemonState.DOWN);
    }

    @Test
    void healthz_reports_state_slots_running_replicas_block_and_heartbeat() throws Exception {
        board.state(DaemonState.UP);
        board.replicaStarted(ReplicaId.of("job-a", 1));
        board.eventSeen(17);
        board.heartbeat();

        final HttpResponse<String> response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body())
                .isEqualTo("{\"status\":\"UP\",\"worker\":\"Org1MSP/w1\",\"slots\":{\"used\":1,\"total\":2},"
                        + "\"running\":[{\"job\":\"job-a\",\"replica\":1,\"since\":\"2026-01-01T00:00:00Z\"}],"
                        + "\"lastEventBlock\":17,\"lastHeartbeat\":\"2026-01-01T00:00:00Z\",\"faultyMode\":\"none\"}");
    }

    @Test
    void draining_daemon_is_still_healthy() throws Exception {
        board.state(DaemonState.DRAINING);

        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void metrics_has_counters_by_reason_slot_gauges_and_queue_lag() throws Exception {
        board.replicaStarted(ReplicaId.of("job-a", 0));
        metrics.jobRun();
        metrics.jobRun();
        metrics.jobFailed("timeout");
        metrics.reportSubmitted();
        metrics.reportRetried();
        metrics.queueLag(Duration.ofMillis(1500));

        final HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body())
                .contains(
                        "povm_worker_jobs_run_total 2.0",
                        "povm_worker_job_failures_total{reason=\"timeout\"} 1.0",
                        "povm_worker_reports_submitted_total 1.0",
                        "povm_worker_report_retries_total 1.0",
                        "povm_worker_slots_used 1.0",
                        "povm_worker_slots_capacity 2.0",
                        "povm_worker_queue_lag_seconds_bucket{le=\"1.0\"} 0",
                        "povm_worker_queue_lag_seconds_bucket{le=\"2.0\"} 1",
                        "povm_worker_queue_lag_seconds_count 1",
                        "povm_worker_queue_lag_seconds_sum 1.5");
    }

    @Test
    void other_paths_are_404_and_other_methods_405() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/healthzz").statusCode()).isEqualTo(404);
        final URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/healthz");
        final HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }
}
