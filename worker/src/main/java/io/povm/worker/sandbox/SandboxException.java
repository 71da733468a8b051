// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

/** The Docker engine could not run a sandboxed container; the message says which step failed and why. */
public class SandboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SandboxException(final String message) {
        super(message);
    }

    public SandboxException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
