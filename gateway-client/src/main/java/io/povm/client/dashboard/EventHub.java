// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/events}: pushes what happens on the ledger to every open page as Server-Sent Events, so that
 * pages never poll. Each page gets its own queue; a page that falls {@value #QUEUE_CAPACITY} events behind is
 * disconnected (its EventSource reconnects and reloads). A comment line every {@link #KEEP_ALIVE} notices pages
 * that went away.
 */
final class EventHub implements HttpHandler, AutoCloseable {
    static final int QUEUE_CAPACITY = 1000;
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final ServerEvent CLOSE = new ServerEvent("close", "");

    private final Set<BlockingQueue<ServerEvent>> pages = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** One Server-Sent Event: its name and its data, one JSON text. */
    record ServerEvent(String name, String data) {
        ServerEvent {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(data, "data");
        }

        /** @return the event in the text/event-stream format, a data line per line of the data */
        String format() {
            return "event: " + name + "\ndata: " + data.replace("\n", "\ndata: ") + "\n\n";
        }
    }

    /** Sends an event to every open page. */
    void publish(final String name, final String data) {
        final ServerEvent event = new ServerEvent(name, data);
        for (final BlockingQueue<ServerEvent> page : pages) {
            if (!page.offer(event)) {
                LOG.warn("a page fell {} events behind; disconnecting it", QUEUE_CAPACITY);
                pages.remove(page);
                page.clear();
                page.offer(CLOSE);
            }
        }
    }

    /** @return how many pages are connected */
    int pages() {
        return pages.size();
    }

    @Override
    public void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || closed) {
                exchange.sendResponseHeaders(closed ? ApiResponse.UNAVAILABLE : ApiResponse.METHOD_NOT_ALLOWED, -1);
                return;
            }
            final BlockingQueue<ServerEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            pages.add(queue);
            try {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(ApiResponse.OK, 0);
                stream(queue, exchange.getResponseBody());
            } finally {
                pages.remove(queue);
            }
        }
    }

    private void stream(final BlockingQueue<ServerEvent> queue, final OutputStream out) throws IOException {
        write(out, "retry: 2000\n: connected\n\n");
        try {
            while (!closed) {
                final ServerEvent event = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (event == CLOSE) {
                    return;
                }
                write(out, event == null ? ": keep-alive\n\n" : event.format());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("a page went away: {}", e.toString());
        }
    }

    private static void write(final OutputStream out, final String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Ends every page's stream. */
    @Override
    public void close() {
        closed = true;
        for (final BlockingQueue<ServerEvent> page : pages) {
            page.clear();
            page.offer(CLOSE);
        }
    }
}
