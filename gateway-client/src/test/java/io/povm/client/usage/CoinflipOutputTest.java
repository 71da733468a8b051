// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoinflipOutputTest {
    @Test
    void reads_the_flips_of_the_result_line() {
        assertThat(CoinflipOutput.flips("{\"seed\":\"povm\",\"k\":4,\"flips\":30}\n"))
                .contains(30L);
    }

    @Test
    void ignores_checkpoint_lines_before_the_result() {
        final String output = "POVM-CHECKPOINT {\"flips\":8,\"streak\":0,\"state\":\"30\"}\n"
                + "{\"seed\":\"povm\",\"k\":4,\"flips\":30}\n";

        assertThat(CoinflipOutput.flips(output)).contains(30L);
    }

    @Test
    void other_output_has_no_flips() {
        assertThat(CoinflipOutput.flips("tails")).isEmpty();
        assertThat(CoinflipOutput.flips("{\"flips\":\"heads\"}")).isEmpty();
        assertThat(CoinflipOutput.flips("{\"flips\":0}")).isEmpty();
        assertThat(CoinflipOutput.flips("{\"flips\":")).isEmpty();
        assertThat(CoinflipOutput.flips("")).isEmpty();
    }
}
