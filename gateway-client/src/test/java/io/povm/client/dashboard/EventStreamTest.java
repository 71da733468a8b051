// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.sun.net.httpserver.HttpServer;
import io.povm.api.Job;
import io.povm.api.JobBatch;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.api.WorkerTransactions;
import io.povm.client.TestJobs;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.hyperledger.fabric.client.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chaincode events reach an open page as Server-Sent Events, in order, over real HTTP. */
class EventStreamTest {
    private final EventHub hub = new EventHub();
    private final ChaincodeEventRelay relay = new ChaincodeEventRelay(mock(Network.class), "povm", hub);
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/events", hub);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        hub.close();
        server.stop(0);
    }

    /** @return the event stream of a newly connected page, past its opening lines */
    private BufferedReader openPage() throws Exception {
        final URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/events");
        final HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        final BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(read(lines, 3)).containsExactly("retry: 2000", ": connected", "");
        assertThat(hub.pages()).isEqualTo(1);
        return lines;
    }

    @Test
    void a_page_receives_job_events_with_the_job_and_worker_events_by_name() throws Exception {
        try (BufferedReader lines = openPage()) {
            final String job = PovmJson.write(TestJobs.job("flip-1"));
            relay.relay(PovmTransactions.JOB_SUBMITTED_EVENT, 9, job.getBytes(StandardCharsets.UTF_8));
            relay.relay(WorkerTransactions.HEARTBEAT_EVENT, 10, "{}".getBytes(StandardCharsets.UTF_8));
            relay.relay("ClockTicked", 11, "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(read(lines, 9))
                    .containsExactly(
                            "event: job",
                            "data: {\"event\":\"JobSubmitted\",\"block\":9,\"job\":" + job + "}",
                            "",
                            "event: worker",
                            "data: {\"event\":\"WorkerHeartbeat\",\"block\":10}",
                            "",
                            "event: ledger",
                            "data: {\"event\":\"ClockTicked\",\"block\":11}",
                            "");
        }
    }

    @Test
    void a_batch_reaches_the_page_as_one_job_submitted_event_per_job() throws Exception {
        try (BufferedReader lines = openPage()) {
            final Job first = TestJobs.job("flip-1");
            final Job second = TestJobs.job("flip-2");
            final String batch = PovmJson.write(new JobBatch(2, 0, null, null, List.of(first, second)));
            relay.relay(PovmTransactions.JOBS_SUBMITTED_EVENT, 9, batch.getBytes(StandardCharsets.UTF_8));

            assertThat(read(lines, 6))
                    .containsExactly(
                            "event: job",
                            "data: {\"event\":\"JobSubmitted\",\"block\":9,\"job\":" + PovmJson.write(first) + "}",
                            "",
                            "event: job",
                            "data: {\"event\":\"JobSubmitted\",\"block\":9,\"job\":" + PovmJson.write(second) + "}",
                            "");
        }
    }

    @Test
    void a_job_event_whose_payload_is_not_json_is_skipped() throws Exception {
        try (BufferedReader lines = openPage()) {
            relay.relay(PovmTransactions.JOB_ASSIGNED_EVENT, 3, "not json".getBytes(StandardCharsets.UTF_8));
            relay.relay("ClockTicked", 4, "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(read(lines, 2))
                    .containsExactly("event: ledger", "data: {\"event\":\"ClockTicked\",\"block\":4}");
        }
    }

    @Test
    void every_job_event_of_the_chaincode_is_relayed_as_a_job() {
        assertThat(ChaincodeEventRelay.JOB_EVENTS)
                .hasSize(11)
                .allMatch(name -> name.startsWith("Job")
                        || name.startsWith("Replica")
                        || name.startsWith("Result")
                        || name.startsWith("Lease"));
    }

    @Test
    void data_with_line_breaks_is_sent_as_several_data_lines() {
        assertThat(new EventHub.ServerEvent("job", "a\nb").format()).isEqualTo("event: job\ndata: a\ndata: b\n\n");
    }

    private static List<String> read(final BufferedReader lines, final int count) throws Exception {
        final List<String> read = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            read.add(lines.readLine());
        }
        return read;
    }
}
