// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardCommandTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void help_shows_how_to_start_it_with_examples() {
        assertThat(cli.run("dashboard", "--help")).isZero();

        assertThat(cli.out())
                .contains("Usage: povm dashboard")
                .contains("--port", "--profile", "--coinflip-image", "--watts-per-core", "--grams-co2-per-kwh")
                .contains("Examples:", "povm dashboard --port 8081 --profile org2");
    }

    @Test
    void a_profile_that_does_not_exist_is_exit_code_6_with_the_profiles_there_are(@TempDir final Path runDir) {
        cli.env.put("POVM_RUN_DIR", runDir.toString());

        assertThat(cli.run("dashboard", "--profile", "org9", "--coinflip-image", "x"))
                .isEqualTo(6);

        assertThat(cli.err()).startsWith("error: no profile 'org9' under ");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "--port {0} is a usage error")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"65536", "99999", "-1"})
    void a_port_out_of_range_is_a_usage_error_before_connecting(final String port, @TempDir final Path runDir) {
        cli.env.put("POVM_RUN_DIR", runDir.toString());

        assertThat(cli.run("dashboard", "--port", port, "--coinflip-image", "x"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err())
                .contains("--port is " + port + "; must be 0 to 65535")
                .doesNotContain("internal error");
    }

    @Test
    void a_port_that_is_not_a_number_is_a_usage_error() {
        assertThat(cli.run("dashboard", "--port", "eighty")).isEqualTo(2);

        assertThat(cli.err()).contains("--port");
    }

    @Test
    void an_energy_model_that_is_not_positive_is_a_usage_error_before_connecting(@TempDir final Path runDir) {
        cli.env.put("POVM_RUN_DIR", runDir.toString());

        assertThat(cli.run("dashboard", "--watts-per-core", "0", "--coinflip-image", "x"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--watts-per-core is 0.0; must be a finite number more than 0");
    }
}
