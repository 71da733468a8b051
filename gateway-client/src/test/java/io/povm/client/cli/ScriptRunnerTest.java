// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner of the checkout's scripts: found through POVM_ROOT, output passed through, exit code returned. */
class ScriptRunnerTest {
    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void runs_the_script_of_the_checkout_with_its_arguments_and_povm_root() throws IOException {
        final Path script = root.resolve("network/network.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/usr/bin/env bash\necho \"args: $*\"\necho \"root: $POVM_ROOT\" >&2\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        final int exitCode = ScriptRunner.checkout(Map.of("POVM_ROOT", root.toString()))
                .run(
                        "network/network.sh",
                        List.of("up", "--orderers", "1"),
                        new PrintWriter(out),
                        new PrintWriter(err));

        assertThat(exitCode).isEqualTo(3);
        assertThat(out.toString()).isEqualTo(String.format("args: up --orderers 1%n"));
        assertThat(err.toString()).isEqualTo(String.format("root: %s%n", root));
    }

    @Test
    void a_checkout_without_the_script_is_a_failure_that_names_it() {
        final CliFailure failure = catchThrowableOfType(
                () -> ScriptRunner.checkout(Map.of("POVM_ROOT", root.toString()))
                        .run("network/network.sh", List.of("up"), new PrintWriter(out), new PrintWriter(err)),
                CliFailure.class);

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.SCRIPT_FAILED);
        assertThat(failure.getMessage()).isEqualTo("no executable " + root.resolve("network/network.sh"));
        assertThat(failure.hint()).contains("POVM_ROOT must name a povm checkout; it is " + root);
    }
}
