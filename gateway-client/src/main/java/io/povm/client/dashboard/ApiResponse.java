// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What the JSON API answers: an HTTP status and a JSON body. Errors are {@code {"error":"...","hint":"..."}}.
 *
 * @param status the HTTP status
 * @param body the JSON body
 */
record ApiResponse(int status, JsonNode body) {
    static final int OK = 200;
    static final int CREATED = 201;
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int CONFLICT = 409;
    static final int INTERNAL = 500;
    static final int UNAVAILABLE = 503;

    ApiResponse {
        Objects.requireNonNull(body, "body");
    }

    static ApiResponse ok(final JsonNode body) {
        return new ApiResponse(OK, body);
    }

    static ApiResponse error(final int status, final String message, final Optional<String> hint) {
        final ObjectNode body = Json.object().put("error", message);
        hint.ifPresent(text -> body.put("hint", text));
        return new ApiResponse(status, body);
    }

    static ApiResponse notFound(final String what) {
        return error(NOT_FOUND, "no such " + what, Optional.empty());
    }

    static ApiResponse methodNotAllowed(final ApiRequest request) {
        return error(METHOD_NOT_ALLOWED, request.method() + " is not accepted here", Optional.empty());
    }
}
