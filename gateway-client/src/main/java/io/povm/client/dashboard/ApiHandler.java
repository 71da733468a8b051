// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.povm.api.ErrorCode;
import io.povm.client.PovmClientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one {@link ApiRoute} under its path prefix: reads the request, runs the route, writes its JSON, and turns
 * failures into error responses (a refusal by the chaincode keeps its message: 400, 404 or 409; a peer that cannot
 * be reached is 503; anything else 500, logged).
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final String prefix;
    private final ApiRoute route;

    ApiHandler(final String prefix, final ApiRoute route) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.route = Objects.requireNonNull(route, "route");
    }

    @Override
    public void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final ApiResponse response = respond(exchange);
            final byte[] body = Json.write(response.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private ApiResponse respond(final HttpExchange exchange) throws IOException {
        try {
            return route.handle(new ApiRequest(exchange.getRequestMethod(), subPath(exchange), body(exchange)));
        } catch (BadRequestException e) {
            return ApiResponse.error(ApiResponse.BAD_REQUEST, e.getMessage(), Optional.empty());
        } catch (PovmClientException e) {
            return failure(e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            return ApiResponse.error(
                    ApiResponse.INTERNAL, "internal error: " + e, Optional.of("the dashboard's log has details"));
        }
    }

    static ApiResponse failure(final PovmClientException e) {
        final int status;
        switch (e.kind()) {
            case REJECTED:
                status = e.errorCode().map(ApiHandler::status).orElse(ApiResponse.BAD_REQUEST);
                break;
            case UNAVAILABLE:
                status = ApiResponse.UNAVAILABLE;
                break;
            default:
                status = ApiResponse.INTERNAL;
                break;
        }
        return ApiResponse.error(status, e.getMessage(), e.hint());
    }

    private static int status(final ErrorCode code) {
        switch (code) {
            case NOT_FOUND:
                return ApiResponse.NOT_FOUND;
            case DUPLICATE_ID:
            case INVALID_STATE:
                return ApiResponse.CONFLICT;
            case INTERNAL:
                return ApiResponse.INTERNAL;
            default:
                return ApiResponse.BAD_REQUEST;
        }
    }

    private String subPath(final HttpExchange exchange) {
        final String path = exchange.getRequestURI().getPath();
        final String rest = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }

    private static String body(final HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            final byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new BadRequestException("the request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
