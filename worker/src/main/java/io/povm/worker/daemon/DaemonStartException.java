// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

/**
 * The daemon cannot start for a reason its operator must fix: no Docker engine answers, the identity is not a
 * registered worker, or its registration does not match the configuration. The message says what to do;
 * {@code povm-worker start} prints it without a stack trace and exits 4.
 */
public final class DaemonStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DaemonStartException(final String message) {
        super(message);
    }

    public DaemonStartException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
