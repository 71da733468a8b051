// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import java.util.Objects;

/**
 * One request to the dashboard's JSON API.
 *
 * @param method GET or POST
 * @param path the path below the route's prefix: {@code ""} for the prefix itself, else the rest without its slash
 * @param body the request body as text, {@code ""} when none
 */
record ApiRequest(String method, String path, String body) {
    ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
    }

    static ApiRequest get(final String path) {
        return new ApiRequest("GET", path, "");
    }

    static ApiRequest post(final String path, final String body) {
        return new ApiRequest("POST", path, body);
    }

    boolean isGet() {
        return "GET".equals(method);
    }

    boolean isPost() {
        return "POST".equals(method);
    }
}
