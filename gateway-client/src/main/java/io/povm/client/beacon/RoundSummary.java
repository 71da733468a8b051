// SPDX-License-Identifier: Apache-2.0
package io.povm.client.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.beacon.RoundResult;
import io.povm.api.beacon.RoundView;
import io.povm.api.beacon.TicketTotal;
import java.util.ArrayList;
import java.util.List;

/**
 * One beacon round in a line, as {@code povm lottery history} and the dashboard's beacon panel list it: its phase
 * (and what an open round waits for), the tickets it froze, its seed, winners and strikes once closed.
 *
 * <pre>{@code
 * {"round":7,"phase":"CLOSED","note":"closed","tickets":3600,"closedAt":"...","seed":"9f..",
 *  "winners":[{"workerKey":"Org2MSP/w1","tickets":1200,"total":3600,"amount":1000}],
 *  "strikes":[{"msp":"Org3MSP","reason":"absent: ..."}]}
 * }</pre>
 */
@JsonPropertyOrder({"round", "phase", "note", "tickets", "closedAt", "seed", "winners", "strikes"})
public record RoundSummary(
        @JsonProperty("round") long round,
        @JsonProperty("phase") String phase,
        @JsonProperty("note") String note,
        @JsonProperty("tickets") long tickets,
        @JsonProperty("closedAt") String closedAt,
        @JsonProperty("seed") String seed,
        @JsonProperty("winners") List<Winner> winners,
        @JsonProperty("strikes") List<RoundResult.Strike> strikes) {

    /** A winner as listed: its tickets out of the draw's total, and the credits it won. */
    @JsonPropertyOrder({"workerKey", "tickets", "total", "amount"})
    public record Winner(
            @JsonProperty("workerKey") String workerKey,
            @JsonProperty("tickets") long tickets,
            @JsonProperty("total") long total,
            @JsonProperty("amount") long amount) {}

    public static RoundSummary of(final RoundView view) {
        final long tickets =
                view.header().tickets().stream().mapToLong(TicketTotal::tickets).sum();
        final RoundResult result = view.result();
        if (result == null) {
            return new RoundSummary(view.round(), view.phase(), view.note(), tickets, null, null, List.of(), List.of());
        }
        return new RoundSummary(
                view.round(),
                view.phase(),
                view.note(),
                tickets,
                result.closedAt(),
                result.seed(),
                result.lottery().winners().stream()
                        .map(w -> new Winner(w.workerKey(), w.tickets(), w.total(), w.amount()))
                        .toList(),
                result.strikes());
    }

    /** @return the latest {@code count} rounds, newest first; empty before the first round */
    public static List<RoundSummary> latest(final BeaconClient beacon, final int count) {
        final List<RoundSummary> rounds = new ArrayList<>();
        final long latest = beacon.latest().map(RoundView::round).orElse(0L);
        for (long r = latest; r >= 1 && r > latest - count; r--) {
            rounds.add(of(beacon.round(r)));
        }
        return rounds;
    }
}
