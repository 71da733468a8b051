// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartFailureTest {
    @Test
    void a_command_not_in_the_image_exits_127() {
        assertThat(StartFailure.exitCode(
                        "Status 400: {\"message\":\"failed to create shim task: OCI runtime create failed:"
                                + " runc create failed: unable to start container process: exec: \\\"coinflip\\\": executable"
                                + " file not found in $PATH: unknown\"}"))
                .hasValue(127);
        assertThat(StartFailure.exitCode("unable to start container process: exec: \"/opt/run\": stat /opt/run: no such"
                        + " file or directory: unknown"))
                .hasValue(127);
    }

    @Test
    void a_command_that_cannot_be_executed_exits_126() {
        assertThat(StartFailure.exitCode(
                        "unable to start container process: exec: \"/etc/hostname\": permission denied:" + " unknown"))
                .hasValue(126);
    }

    @Test
    void any_other_refusal_to_start_is_the_engines_and_no_exit_code() {
        assertThat(StartFailure.exitCode("Status 500: cgroup mountpoint does not exist"))
                .isEmpty();
        assertThat(StartFailure.exitCode("Status 404: No such container: f6522ffb80c7"))
                .isEmpty();
        assertThat(StartFailure.exitCode(null)).isEmpty();
    }

    @Test
    void the_reported_stderr_is_the_same_whatever_the_engine_said() {
        assertThat(StartFailure.stderr(127)).doesNotContain("$PATH").contains("127");
        assertThat(StartFailure.stderr(126)).contains("126");
    }
}
