// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import java.net.URI;

/** No Docker engine answers at the configured host. */
public final class EngineUnavailableException extends SandboxException {
    private static final long serialVersionUID = 1L;

    private final URI host;

    public EngineUnavailableException(final URI host, final Throwable cause) {
        super(
                "no Docker engine answers at " + host + " (" + describe(cause)
                        + "); start one with scripts/setup-docker.sh or set DOCKER_HOST",
                cause);
        this.host = host;
    }

    private static String describe(final Throwable cause) {
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** The engine address that was tried. */
    public URI host() {
        return host;
    }
}
