// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import java.util.Objects;

/** A job could not be run; {@link #code()} says which kind of failure, the message what exactly and why. */
public final class JobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final JobErrorCode code;

    public JobException(final JobErrorCode code, final String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public JobException(final JobErrorCode code, final String message, final Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public JobErrorCode code() {
        return code;
    }
}
