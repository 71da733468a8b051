// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.JobPage;
import io.povm.api.PovmError;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import io.povm.client.usage.CpuSnapshot;
import io.povm.client.usage.EnergyModel;
import io.povm.client.usage.ProcessCpu;
import io.povm.client.usage.ProcessCpuSampler;
import io.povm.client.usage.UsefulWorkMeter;
import io.povm.client.worker.WorkerClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard over real HTTP on a free port, with the ledger clients mocked. */
class DashboardServerTest {
    private final JobClient jobs = mock(JobClient.class);
    private final WorkerClient workers = mock(WorkerClient.class);
    private final ProcessCpuSampler processes = mock(ProcessCpuSampler.class);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DashboardServer server;

    @BeforeEach
    void start() throws IOException {
        server = DashboardServer.builder()
                .jobs(jobs)
                .workers(workers)
                .usefulWork(new UsefulWorkMeter(jobs, processes, Path.of("no-such-run", "pids"), EnergyModel.DEFAULT))
                .coinFlip(CoinFlipSettings.of(Optional.empty(), CoinFlipSettings.DEFAULT_SLA))
                .start(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serves_the_page_with_its_panels() throws Exception {
        final HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body())
                .contains(
                        "Find the luckiest seed", "Useful work", "Workers and reputation", "Beacon rounds and lottery");
        assertThat(get("/app.js").body()).contains("new EventSource('/api/events')");
        assertThat(get("/style.css").statusCode()).isEqualTo(200);
        assertThat(get("/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/nothing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void answers_the_beacon_placeholder_as_json() throws Exception {
        final HttpResponse<String> beacon = get("/api/beacon");

        assertThat(beacon.statusCode()).isEqualTo(200);
        assertThat(beacon.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(beacon.body()).isEqualTo("{\"rounds\":[]}");
    }

    @Test
    void reports_the_useful_work_figure_with_the_processes_it_counted() throws Exception {
        when(jobs.list(JobClient.MAX_PAGE_SIZE, "")).thenReturn(new JobPage(List.of(), ""));
        when(processes.sample(Map.of())).thenReturn(new CpuSnapshot(Map.of("org1-peer", new ProcessCpu(42, 1500))));

        final HttpResponse<String> work = get("/api/useful-work");

        assertThat(work.statusCode()).isEqualTo(200);
        assertThat(work.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(work.body())
                .startsWith("{\"jobs\":0,\"replicas\":0,\"work\":{\"usefulCpuMillis\":0,\"overheadCpuMillis\":1500,")
                .contains("\"overheadGramsCo2\":0.002")
                .endsWith("\"processes\":[{\"name\":\"org1-peer\",\"pid\":42,\"cpuMillis\":1500}]}");
    }

    @Test
    void turns_a_chaincode_refusal_into_its_http_status_with_the_message() throws Exception {
        when(jobs.find("bad..id"))
                .thenThrow(PovmClientException.rejected(
                        new PovmError(ErrorCode.INVALID_ARGUMENT, "id", "is not an id"), null));

        final HttpResponse<String> response = get("/api/jobs/bad..id");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":").contains("is not an id");
    }

    @Test
    void a_peer_that_cannot_be_reached_is_503_with_a_hint() throws Exception {
        when(workers.list(Optional.empty(), Optional.empty(), WorkerClient.MAX_PAGE_SIZE, ""))
                .thenThrow(PovmClientException.unavailable(
                        "peer 127.0.0.1:7051 is unavailable", "is the network up?", null));

        final HttpResponse<String> response = get("/api/workers");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"peer 127.0.0.1:7051 is unavailable\",\"hint\":\"is the network up?\"}");
    }

    @Test
    void a_form_error_is_400_and_nothing_is_submitted() throws Exception {
        final HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(server.uri().resolve("/api/jobs"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"k\":0,\"seedFrom\":1,\"seedTo\":1,\"replicas\":3}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"k is 0; must be from 1 to 24\"}");
    }

    @Test
    void names_its_address() {
        assertThat(server.uri()).hasScheme("http").hasHost("127.0.0.1");
        assertThat(server.uri().getPort()).isPositive();
        assertThat(server.uri().getPath()).isEqualTo("/");
    }
}
