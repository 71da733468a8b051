// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request validation, and how inputs are staged for the read-only mount. */
class JobRequestTest {
    private static final String IMAGE = "povm/coinflip@sha256:" + "a".repeat(64);

    @TempDir
    Path staging;

    private static JobRequest.Builder request() {
        return JobRequest.builder(IMAGE, List.of("povm-coinflip"));
    }

    private static void assertInvalid(final Runnable action, final String message) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        JobException.class, e -> assertThat(e.code()).isEqualTo(JobErrorCode.INVALID_REQUEST))
                .hasMessageContaining(message);
    }

    @Test
    void rejects_input_names_that_are_not_plain_file_names() {
        assertInvalid(() -> request().input("../etc/passwd", "x"), "'../etc/passwd'");
        assertInvalid(() -> request().input(".hidden", "x"), "plain file name");
        assertInvalid(() -> request().input("a/b", "x"), "'a/b'");
    }

    @Test
    void rejects_a_duplicate_input_too_many_inputs_and_too_many_bytes() {
        assertInvalid(() -> request().input("a", "1").input("a", "2"), "twice");
        final JobRequest.Builder many = request();
        for (int i = 0; i < JobRequest.MAX_INPUTS; i++) {
            many.input("in" + i, "");
        }
        assertInvalid(() -> many.input("one-more", ""), "at most " + JobRequest.MAX_INPUTS);
        assertInvalid(() -> request().input("big", new byte[JobRequest.MAX_INPUT_BYTES + 1]), "at most");
    }

    @Test
    void rejects_an_empty_command() {
        assertInvalid(() -> JobRequest.builder(IMAGE, List.of()), "command");
    }

    @Test
    void toString_names_inputs_and_variables_but_never_their_content() {
        final JobRequest job = request()
                .env("SEED", "secret-seed")
                .input("data", "secret-data")
                .build();

        assertThat(job.toString()).contains("SEED", "data").doesNotContain("secret");
    }

    @Test
    void inputs_are_staged_world_readable_and_removed_on_close() throws IOException {
        final Path dir;
        try (InputStage stage = InputStage.write(
                staging, Map.of("greeting", "hello".getBytes(StandardCharsets.UTF_8), "empty", new byte[0]))) {
            dir = stage.dir();
            assertThat(Files.readString(dir.resolve("greeting"))).isEqualTo("hello");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwxr-xr-x");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("greeting"))))
                    .isEqualTo("rw-r--r--");
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void a_staging_directory_that_cannot_be_used_is_an_input_staging_failure() {
        assertThatThrownBy(() -> InputStage.write(staging.resolve("absent"), Map.of()))
                .isInstanceOfSatisfying(
                        JobException.class, e -> assertThat(e.code()).isEqualTo(JobErrorCode.INPUT_STAGING_FAILED));
    }
}
