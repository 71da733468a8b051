// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.povm.api.beacon.RoundHeader;
import io.povm.api.beacon.RoundMember;
import io.povm.api.beacon.RoundResult;
import io.povm.api.beacon.RoundView;
import io.povm.api.beacon.TicketTotal;
import io.povm.client.beacon.BeaconClient;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeaconApiTest {
    private static RoundView closed(final long round) {
        final RoundHeader header = new RoundHeader(
                round,
                List.of(new RoundMember("Org1MSP", 1, "02ab")),
                1,
                "2026-11-21T10:00:00.000Z",
                "Org1MSP",
                "tx",
                "a",
                "b",
                "c",
                "0".repeat(64),
                "povm",
                List.of(new TicketTotal("Org2MSP/w1", "Org2MSP", "x509::u", 1200, "1 verified replica")),
                "ab",
                1000,
                1,
                1,
                10);
        final RoundResult result = new RoundResult(
                round,
                "5eed",
                "l",
                "a",
                "u",
                List.of("Org1MSP"),
                List.of(),
                List.of(new RoundResult.Strike("Org3MSP", RoundResult.Strike.ABSENT)),
                new RoundResult.Lottery(
                        List.of(),
                        List.of(),
                        1000,
                        List.of(new RoundResult.Winner(0, "Org2MSP/w1", "Org2MSP", "x509::u", 1200, 1200, 17, 1000))),
                "2026-11-21T10:00:09.000Z",
                "Org1MSP",
                "tx");
        return new RoundView(header, "CLOSED", "closed", List.of(), List.of(), List.of(), List.of(), result);
    }

    @Test
    void without_a_beacon_client_it_has_no_rounds() {
        final ApiResponse response = new BeaconApi(Optional.empty()).handle(ApiRequest.get(""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Json.write(response.body())).isEqualTo("{\"rounds\":[]}");
    }

    @Test
    void lists_the_latest_rounds_newest_first_with_winners_and_strikes() {
        final BeaconClient beacon = mock(BeaconClient.class);
        when(beacon.latest()).thenReturn(Optional.of(closed(2)));
        when(beacon.round(2)).thenReturn(closed(2));
        when(beacon.round(1)).thenReturn(closed(1));

        final String json = Json.write(
                new BeaconApi(Optional.of(beacon)).handle(ApiRequest.get("")).body());

        assertThat(json).startsWith("{\"rounds\":[{\"round\":2,\"phase\":\"CLOSED\"");
        assertThat(json).contains("\"round\":1");
        assertThat(json)
                .contains("\"winners\":[{\"workerKey\":\"Org2MSP/w1\",\"tickets\":1200,\"total\":1200,"
                        + "\"amount\":1000}]");
        assertThat(json)
                .contains("\"strikes\":[{\"msp\":\"Org3MSP\",\"reason\":\"absent: did not commit by the deadline\"}]");
    }
}
