// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command tree itself: help, version, suggestions, usage errors. */
class PovmCliTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void help_documents_every_exit_code() {
        assertThat(cli.run("--help")).isZero();

        assertThat(cli.out())
                .contains("Exit codes:")
                .contains("0  ok")
                .contains("1  internal error")
                .contains("2  usage error")
                .contains("3  rejected by the chaincode")
                .contains("4  not found")
                .contains("5  network or peer unavailable")
                .contains("6  identity or profile problem");
    }

    @Test
    void version_names_povm() {
        assertThat(cli.run("--version")).isZero();

        assertThat(cli.out()).startsWith("povm ");
    }

    @Test
    void a_mistyped_subcommand_suggests_the_right_one() {
        assertThat(cli.run("job", "sumbit")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err())
                .startsWith(String.format("error: unknown command 'sumbit' for 'povm job'%ndid you mean: submit"))
                .contains("see 'povm job --help' for usage and examples")
                .doesNotContain("\tat ");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void a_mistyped_command_suggests_the_right_one() {
        assertThat(cli.run("jobs", "list")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err())
                .isEqualTo(String.format("error: unknown command 'jobs' for 'povm'%ndid you mean: job?%n"
                        + "see 'povm --help' for usage and examples%n"));
    }

    @Test
    void a_mistyped_option_suggests_the_right_one() {
        assertThat(cli.run("job", "list", "--page-sise", "3")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--page-size");
    }

    @Test
    void a_command_group_without_a_subcommand_is_a_usage_error() {
        assertThat(cli.run("job")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err())
                .contains("missing subcommand: submit, get, list, watch, cancel, challenge, result, audit, logs,")
                .contains("Usage: povm job");

        assertThat(cli.run()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("missing command: network, org, sla, worker, job");
    }

    @Test
    void an_unknown_output_format_is_a_usage_error() {
        assertThat(cli.run("job", "get", "job-1", "-o", "yaml")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("-o").contains("yaml");
        assertThat(cli.profilesOpened).isEmpty();
    }
}
