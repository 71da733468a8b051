package io.povm.client.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.api.beacon.RoundResult;
import io.povm.api.beacon.RoundView;
import io.povm.client.beacon.BeaconClient;
import java.util.Optional;

/**
 * {@code GET /api/beacon}: the latest {@value #ROUNDS} beacon rounds, newest first, for the "Beacon rounds and
 * lottery" panel: phase (and what an open round waits for), seed, tickets, winners and strikes.
 *
 * <pre>{@code
 * {"rounds":[{"round":7,"phase":"CLOSED","note":"closed","closedAt":"...","seed":"9f..","tickets":3600,
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
        final ArrayNode rounds = body.putArray("rounds");
        if (beacon.isPresent()) {
            final long latest = beacon.get().latest().map(RoundView::round).orElse(0L);
            for (long r = latest; r >= 1 && r > latest - ROUNDS; r--) {
                rounds.add(row(beacon.get().round(r)));
            }
        }
        return ApiResponse.ok(body);
    }

    static ObjectNode row(final RoundView view) {
        final ObjectNode row = Json.object()
                .put("round", view.round())
                .put("phase", view.phase())
                .put("note", view.note())
                .put(
                        "tickets",
                        view.header().tickets().stream()
                                .mapToLong(t -> t.tickets())
                                .sum());
        final ArrayNode winners = row.putArray("winners");
        final ArrayNode strikes = row.putArray("strikes");
        final RoundResult result = view.result();
        if (result != null) {
            row.put("closedAt", result.closedAt()).put("seed", result.seed());
            result.lottery()
                    .winners()
                    .forEach(w -> winners.add(Json.object()
                            .put("workerKey", w.workerKey())
                            .put("tickets", w.tickets())
                            .put("total", w.total())
                            .put("amount", w.amount())));
            result.strikes()
                    .forEach(s -> strikes.add(Json.object().put("msp", s.msp()).put("reason", s.reason())));
        }
        return row;
    }
}
