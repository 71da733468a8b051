package io.povm.client.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/beacon}: the beacon's rounds and lottery winners for the "Beacon rounds and lottery" panel.
 *
 * <p>PLACEHOLDER: the beacon and lottery client is not built yet (issue 6), so this answers {@code {"rounds":[]}}
 * and the page shows "not available". Fill {@code rounds} with one object per round, newest first, and the panel
 * lists them.
 */
final class BeaconApi implements ApiRoute {
    @Override
    public ApiResponse handle(final ApiRequest request) {
        if (!request.isGet()) {
            return ApiResponse.methodNotAllowed(request);
        }
        final ObjectNode body = Json.object();
        body.set("rounds", Json.array());
        return ApiResponse.ok(body);
    }
}
