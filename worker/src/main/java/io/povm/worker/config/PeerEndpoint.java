// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** One peer the worker's gateway may connect to: {@code host:port}, its TLS root certificate and host name. */
public final class PeerEndpoint {
    private final String host;
    private final int port;
    private final Path tlsRootCert;
    private final Optional<String> hostOverride;

    public PeerEndpoint(
            final String host, final int port, final Path tlsRootCert, final Optional<String> hostOverride) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.tlsRootCert = Objects.requireNonNull(tlsRootCert, "tlsRootCert");
        this.hostOverride = Objects.requireNonNull(hostOverride, "hostOverride");
    }

    /** @return {@code host:port}, as gRPC wants it */
    public String endpoint() {
        return host + ":" + port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Path tlsRootCert() {
        return tlsRootCert;
    }

    /** @return the host name in the peer's TLS certificate when it differs from {@link #host()} */
    public Optional<String> hostOverride() {
        return hostOverride;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof PeerEndpoint
                && host.equals(((PeerEndpoint) o).host)
                && port == ((PeerEndpoint) o).port
                && tlsRootCert.equals(((PeerEndpoint) o).tlsRootCert)
                && hostOverride.equals(((PeerEndpoint) o).hostOverride);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, tlsRootCert, hostOverride);
    }

    @Override
    public String toString() {
        return endpoint() + hostOverride.map(h -> " (" + h + ")").orElse("");
    }
}
