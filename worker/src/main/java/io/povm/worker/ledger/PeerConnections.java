// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.ledger;

import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.profile.ConnectionProfile;
import io.povm.worker.config.PeerEndpoint;
import io.povm.worker.config.WorkerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's gateway connections, one configured peer at a time: {@link #current()} is the open one, {@link
 * #failover(PovmGateway)} closes it and opens the next peer that answers, round robin. Any peer of the channel serves
 * a worker of any org (the gateway collects the endorsements it needs), so a second org's peer is a valid fallback.
 * Thread-safe: the connection is shared by the daemon's threads, so a failover names the connection that failed, and
 * only the first of the threads whose calls failed on it moves on; the others get the connection it opened.
 */
public final class PeerConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerConnections.class);

    private final List<ConnectionProfile> peers;
    private final Function<ConnectionProfile, PovmGateway> connector;
    private int index;
    private PovmGateway open;

    PeerConnections(final List<ConnectionProfile> peers) {
        this(peers, PovmGateway::connect);
    }

    /** @param connector opens a connection to one peer ({@link PovmGateway#connect}; a stub in tests) */
    PeerConnections(final List<ConnectionProfile> peers, final Function<ConnectionProfile, PovmGateway> connector) {
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("at least one peer is needed");
        }
        this.peers = List.copyOf(peers);
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /** @return connections to the configured peers, none opened yet */
    public static PeerConnections of(final WorkerConfig config) {
        final List<ConnectionProfile> profiles = new ArrayList<>();
        for (final PeerEndpoint peer : config.peers()) {
            profiles.add(ConnectionProfile.of(
                    config.journalFile().getParent(),
                    config.mspId(),
                    peer.endpoint(),
                    peer.hostOverride().orElse(peer.host()),
                    peer.tlsRootCert(),
                    config.certPath(),
                    config.keyPath(),
                    config.channel(),
                    config.chaincode()));
        }
        return new PeerConnections(profiles);
    }

    /** @return the open connection, opening the first peer that answers when none is open */
    public synchronized PovmGateway current() {
        if (open == null) {
            open = openNext(0);
        }
        return open;
    }

    /**
     * Closes the current connection, whose peer failed a call made on {@code failed}, and opens the next peer that
     * answers. When the current connection is no longer {@code failed} (another thread failed over from it already),
     * returns the current one as it is: closing it would break the calls and the event stream that use it, and move
     * the daemon on to the peer that failed (with two peers, back and forth for as long as one is down).
     *
     * @param failed the connection the failed call was made on, as {@link #current()} returned it
     */
    public synchronized PovmGateway failover(final PovmGateway failed) {
        if (open != null && open != failed) {
            return open;
        }
        final Optional<String> previous =
                Optional.ofNullable(open).map(g -> g.profile().peerEndpoint());
        closeOpen();
        open = openNext(1);
        LOG.warn(
                "peer {} failed; now connected to {}",
                previous.orElse("(none)"),
                open.profile().peerEndpoint());
        return open;
    }

    /** @return the endpoint of the peer in use, or "(none)" */
    public synchronized String endpoint() {
        return open == null ? "(none)" : open.profile().peerEndpoint();
    }

    private PovmGateway openNext(final int skip) {
        PovmClientException last = null;
        for (int tried = 0; tried < peers.size(); tried++) {
            index = (index + (tried == 0 ? skip : 1)) % peers.size();
            final ConnectionProfile peer = peers.get(index);
            try {
                final PovmGateway gateway = connector.apply(peer);
                LOG.info("connected to peer {} as {}", peer.peerEndpoint(), peer.mspId());
                return gateway;
            } catch (PovmClientException e) {
                LOG.warn("cannot connect to peer {}: {}", peer.peerEndpoint(), e.getMessage());
                last = e;
            }
        }
        throw Objects.requireNonNull(last);
    }

    private void closeOpen() {
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException e) {
                LOG.debug(
                        "closing the connection to {} failed: {}",
                        open.profile().peerEndpoint(),
                        e.toString());
            }
            open = null;
        }
    }

    @Override
    public synchronized void close() {
        closeOpen();
    }
}
