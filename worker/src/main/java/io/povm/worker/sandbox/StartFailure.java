// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * A container whose command cannot be started is the job's own failure, not the engine's: the command is not in the
 * image, or not executable. Every honest replica meets it the same way, so it is reported as a run that exited with
 * the code {@code docker run} gives for it (127 not found, 126 not executable, as a shell does) and goes through
 * commit, reveal and the verdict like any failed run. Any other refusal to start is the engine's, and the replica is
 * tried again.
 */
final class StartFailure {
    /** {@code docker run}'s exit code when the command is not found in the image. */
    static final int NOT_FOUND = 127;
    /** {@code docker run}'s exit code when the command cannot be executed. */
    static final int NOT_EXECUTABLE = 126;

    private StartFailure() {}

    /**
     * @param engineMessage the engine's answer to the start request, e.g. {@code OCI runtime create failed: ... exec:
     *     "run": executable file not found in $PATH: unknown}
     * @return the exit code of a command that could not be started; empty when the engine failed for another reason
     */
    static OptionalInt exitCode(final String engineMessage) {
        final String message = engineMessage == null ? "" : engineMessage.toLowerCase(Locale.ROOT);
        if (!message.contains("exec:") && !message.contains("exec ")) {
            return OptionalInt.empty();
        }
        if (message.contains("executable file not found") || message.contains("no such file or directory")) {
            return OptionalInt.of(NOT_FOUND);
        }
        if (message.contains("permission denied")) {
            return OptionalInt.of(NOT_EXECUTABLE);
        }
        return OptionalInt.empty();
    }

    /** @return the stderr the run reports: the same on every replica, whatever the engine's wording or ids */
    static String stderr(final int exitCode) {
        return exitCode == NOT_FOUND
                ? "povm: the command could not be started: not found in the image (exit 127, as docker run)\n"
                : "povm: the command could not be started: not executable (exit 126, as docker run)\n";
    }
}
