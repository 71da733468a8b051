// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the page: plain HTML, JavaScript and CSS from the jar's {@code io/povm/client/dashboard/static/}, no build
 * step. {@code /} is {@code index.html}; only flat file names with a known extension are served.
 */
final class StaticAssets implements HttpHandler {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|js|css)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    @Override
    public void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String path = exchange.getRequestURI().getPath();
            final String name = "/".equals(path) ? "index.html" : path.substring(1);
            final Optional<byte[]> asset = read(name);
            if (!"GET".equals(exchange.getRequestMethod()) || asset.isEmpty()) {
                exchange.sendResponseHeaders(
                        asset.isEmpty() ? ApiResponse.NOT_FOUND : ApiResponse.METHOD_NOT_ALLOWED, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(ApiResponse.OK, asset.get().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(asset.get());
            }
        }
    }

    /** @return the asset's bytes, or empty when there is no such asset */
    static Optional<byte[]> read(final String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getResourceAsStream("static/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }
}
