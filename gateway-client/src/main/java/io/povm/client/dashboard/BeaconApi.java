// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.client.beacon.BeaconClient;
import io.povm.client.beacon.RoundSummary;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/beacon}: the latest {@value #ROUNDS} beacon rounds, newest first, for the "Beacon rounds and
 * lottery" panel, as {@link RoundSummary}s: phase (and what an open round waits for), tickets, seed, winners and
 * strikes.
 *
 * <pre>{@code
 * {"rounds":[{"round":7,"phase":"CLOSED","note":"closed","tickets":3600,"closedAt":"...","seed":"9f..",
 *             "winners":[{"workerKey":"Org2MSP/w1","tickets":1200,"total":3600,"amount":1000}],
 *             "strikes":[{"msp":"Org3MSP","reason":"absent: ..."}]}]}
 * }</pre>
 */
final class BeaconApi implements ApiRoute {
    static final int ROUNDS = 10;

    private final Optional<BeaconClient> beacon;

    BeaconApi(final Optional<BeaconClient> beacon) {
        this.beacon = beacon;
    }

    @Override
    public ApiResponse handle(final ApiRequest request) {
        if (!request.isGet()) {
            return ApiResponse.methodNotAllowed(request);
        }
        final ObjectNode body = Json.object();
        body.set(
                "rounds",
                Json.tree(beacon.map(b -> RoundSummary.latest(b, ROUNDS)).orElse(List.of())));
        return ApiResponse.ok(body);
    }
}
