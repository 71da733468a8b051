// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure of the command line itself rather than of a chaincode call: a script of the checkout that cannot be found
 * or failed, a job that settled without a result. {@link ErrorReporter} prints its message and hint and exits with its
 * code.
 */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String hint;

    CliFailure(final int exitCode, final String message, final String hint) {
        super(Objects.requireNonNull(message, "message"));
        this.exitCode = exitCode;
        this.hint = hint;
    }

    int exitCode() {
        return exitCode;
    }

    Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
