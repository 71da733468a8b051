// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.client.PovmClientException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How failures reach the user: one error line, maybe a hint, the documented exit code, no stack trace. */
class ErrorReportingTest {
    private final CliHarness cli = new CliHarness();

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(rejected(ErrorCode.INVALID_ARGUMENT), ExitCodes.REJECTED),
                Arguments.of(rejected(ErrorCode.DUPLICATE_ID), ExitCodes.REJECTED),
                Arguments.of(rejected(ErrorCode.FORBIDDEN), ExitCodes.REJECTED),
                Arguments.of(rejected(ErrorCode.NOT_FOUND), ExitCodes.NOT_FOUND),
                Arguments.of(rejected(ErrorCode.INTERNAL), ExitCodes.INTERNAL),
                Arguments.of(
                        PovmClientException.unavailable("peer 127.0.0.1:7110 is unavailable", "h", null),
                        ExitCodes.UNAVAILABLE),
                Arguments.of(
                        PovmClientException.identity("cannot read certificate /x", null, null), ExitCodes.IDENTITY),
                Arguments.of(
                        PovmClientException.commitFailed("transaction t failed", "t", null, null), ExitCodes.INTERNAL),
                Arguments.of(PovmClientException.internal("peer failed the call", null), ExitCodes.INTERNAL),
                Arguments.of(new IllegalStateException("bug"), ExitCodes.INTERNAL));
    }

    private static PovmClientException rejected(final ErrorCode code) {
        return PovmClientException.rejected(new PovmError(code, "id", "because"), null);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void each_failure_has_its_exit_code_and_one_error_line(final RuntimeException failure, final int exitCode) {
        when(cli.jobs.get("job-1")).thenThrow(failure);

        assertThat(cli.run("job", "get", "job-1")).isEqualTo(exitCode);

        assertThat(cli.err().lines().filter(line -> line.startsWith("error: "))).hasSize(1);
        assertThat(cli.err()).doesNotContain("\tat ");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void a_rejection_prints_the_chaincode_error_and_a_hint() {
        when(cli.jobs.get("job-9"))
                .thenThrow(
                        PovmClientException.rejected(new PovmError(ErrorCode.NOT_FOUND, "id", "no job 'job-9'"), null));

        assertThat(cli.run("job", "get", "job-9")).isEqualTo(ExitCodes.NOT_FOUND);

        assertThat(cli.err())
                .isEqualTo(String.format(
                        "error: NOT_FOUND [id] no job 'job-9'%nhint: list the jobs with: povm job list%n"));
    }

    @Test
    void an_unavailable_peer_prints_the_hint_of_the_exception() {
        when(cli.jobs.get("job-1"))
                .thenThrow(PovmClientException.unavailable(
                        "peer 127.0.0.1:7110 is unavailable: UNAVAILABLE: io exception",
                        "is the network up? check it with network/network.sh status",
                        null));

        assertThat(cli.run("job", "get", "job-1")).isEqualTo(ExitCodes.UNAVAILABLE);

        assertThat(cli.err())
                .contains("error: peer 127.0.0.1:7110 is unavailable")
                .contains("hint: is the network up? check it with network/network.sh status");
    }

    @Test
    void a_profile_that_cannot_be_opened_is_an_identity_problem() {
        cli.failToOpen = PovmClientException.identity(
                "no profile 'org9' under /x/.run/profiles; available: org1; is the network up? run network/network.sh up",
                null,
                null);

        assertThat(cli.run("job", "list", "--profile", "org9")).isEqualTo(ExitCodes.IDENTITY);

        assertThat(cli.err()).startsWith("error: no profile 'org9' under /x/.run/profiles; available: org1");
    }

    @Test
    void debug_prints_the_stack_trace() {
        when(cli.jobs.get("job-1")).thenThrow(new IllegalStateException("bug"));

        assertThat(cli.run("job", "get", "job-1", "--debug")).isEqualTo(ExitCodes.INTERNAL);

        assertThat(cli.err())
                .contains("error: internal error: java.lang.IllegalStateException: bug")
                .contains("\tat ");
    }

    @Test
    void without_debug_an_internal_error_suggests_it() {
        when(cli.jobs.get("job-1")).thenThrow(new IllegalStateException("bug"));

        cli.run("job", "get", "job-1");

        assertThat(cli.err()).contains("hint: run the command again with --debug");
    }

    @Test
    void a_command_that_runs_a_script_reports_its_failure_in_one_line_and_the_trace_only_with_debug() {
        cli.scriptExitCode = 1;

        assertThat(cli.run("network", "down")).isEqualTo(ExitCodes.SCRIPT_FAILED);
        assertThat(cli.err())
                .isEqualTo(String.format("error: network/network.sh down exited with 1%n"
                        + "hint: its messages above say what went wrong%n"));

        assertThat(cli.run("network", "down", "--debug")).isEqualTo(ExitCodes.SCRIPT_FAILED);
        assertThat(cli.err()).contains("io.povm.client.cli.CliFailure").contains("\tat ");
    }

    @Test
    void a_failure_while_watching_is_reported_like_any_other() {
        when(cli.jobs.get("job-1")).thenThrow(new IllegalStateException("bug"));

        assertThat(cli.run("job", "watch", "job-1")).isEqualTo(ExitCodes.INTERNAL);

        assertThat(cli.err()).doesNotContain("\tat ").contains("hint: run the command again with --debug");
    }

    @Test
    void a_usage_error_never_prints_a_stack_trace_even_with_debug() {
        assertThat(cli.run("job", "get", "--debug")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err())
                .startsWith("error: Missing required parameter: 'ID'")
                .contains("see 'povm job get --help' for usage and examples")
                .doesNotContain("\tat ");
    }
}
