// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /healthz} (the {@link StatusJson} of the board; 200 when UP or DRAINING, 503 when DOWN) and
 * {@code GET /metrics} (Prometheus text format 0.0.4) on one JDK HTTP server with one named thread.
 *
 * <pre>{@code
 * try (HealthServer server = HealthServer.start(new InetSocketAddress("127.0.0.1", 9464), board, metrics)) {
 *     server.address();   // the bound address; port 0 picks a free port
 * }
 * }</pre>
 */
public final class HealthServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(final HttpServer server, final ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** @throws IOException when the address cannot be bound (e.g. the port is taken) */
    public static HealthServer start(
            final InetSocketAddress address, final StatusBoard board, final WorkerMetrics metrics) throws IOException {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(metrics, "metrics");
        final HttpServer server = HttpServer.create(Objects.requireNonNull(address, "address"), 16);
        final PrometheusTextFormatWriter text = new PrometheusTextFormatWriter(false);
        server.createContext("/", exchange -> respond(exchange, 404, JSON, "{\"error\":\"not found\"}"));
        server.createContext("/healthz", exchange -> {
            final WorkerStatus status = board.snapshot();
            respond(exchange, status.state() == DaemonState.DOWN ? 503 : 200, JSON, StatusJson.write(status));
        });
        server.createContext("/metrics", exchange -> {
            final ByteArrayOutputStream body = new ByteArrayOutputStream();
            text.write(body, metrics.registry().scrape());
            respond(exchange, 200, text.getContentType(), body.toString(StandardCharsets.UTF_8));
        });
        final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            final Thread t = new Thread(r, "povm-health-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        LOG.info(
                "health endpoint on http://{}:{}/healthz and /metrics",
                address.getHostString(),
                server.getAddress().getPort());
        return new HealthServer(server, executor);
    }

    /** @return the bound address, with the real port */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void respond(final HttpExchange exchange, final int code, final String type, final String body)
            throws IOException {
        try (exchange) {
            final String path = exchange.getRequestURI().getPath();
            final boolean known = "/healthz".equals(path) || "/metrics".equals(path);
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, JSON, "{\"error\":\"only GET\"}");
            } else if (!known && code != 404) {
                send(exchange, 404, JSON, "{\"error\":\"not found\"}");
            } else {
                send(exchange, code, type, body);
            }
        }
    }

    private static void send(final HttpExchange exchange, final int code, final String type, final String body)
            throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        final boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
