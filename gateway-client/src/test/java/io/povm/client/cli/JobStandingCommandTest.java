// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.CustomerRecord;
import org.junit.jupiter.api.Test;

/** {@code povm job standing}: a customer's record and whether it may submit. */
class JobStandingCommandTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void shows_the_callers_own_standing_against_the_floor() {
        when(cli.jobs.customerRecord("", "")).thenReturn(new CustomerRecord("Org1MSP", "x509::u", 4, 1));

        assertThat(cli.run("job", "standing")).isZero();

        assertThat(cli.out())
                .contains("jobs       4 with a verdict, 1 broke their SLA's limits")
                .contains("standing   4/6 = 0.67, at or above the floor 1/4: may submit jobs");
    }

    @Test
    void a_customer_below_the_floor_is_refused_new_jobs_and_json_parses() throws Exception {
        when(cli.jobs.customerRecord("Org2MSP", "x509::v")).thenReturn(new CustomerRecord("Org2MSP", "x509::v", 3, 3));

        assertThat(cli.run("job", "standing", "--msp", "Org2MSP", "--id", "x509::v", "-o", "json"))
                .isZero();

        final JsonNode view = new ObjectMapper().readTree(cli.out());
        assertThat(view.get("record").get("violations").asInt()).isEqualTo(3);
        assertThat(view.get("score").get("good").asInt()).isEqualTo(1);
        assertThat(view.get("score").get("total").asInt()).isEqualTo(5);
        assertThat(view.get("score").get("meetsFloor").asBoolean()).isFalse();
    }
}
