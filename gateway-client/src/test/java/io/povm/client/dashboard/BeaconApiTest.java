package io.povm.client.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BeaconApiTest {
    @Test
    void has_no_rounds_until_the_beacon_client_exists() {
        final ApiResponse response = new BeaconApi().handle(ApiRequest.get(""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Json.write(response.body())).isEqualTo("{\"rounds\":[]}");
    }
}
