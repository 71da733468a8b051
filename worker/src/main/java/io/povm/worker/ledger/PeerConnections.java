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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's gateway connections, one configured peer at a time: {@link #current()} is the open one, {@link
 * #failover()} closes it and opens the next peer that answers, round robin. Any peer of the channel serves a worker
 * of any org (the gateway collects the endorsements it needs), so a second org's peer is a valid fallback.
 * Thread-safe.
 */
public final class PeerConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerConnections.class);

    private final List<ConnectionProfile> peers;
    private int index;
    private PovmGateway open;

    PeerConnections(final List<ConnectionProfile> peers) {
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("at least one peer is needed");
        }
        this.peers = List.copyOf(peers);
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

    /** Closes the current connection (whose peer failed) and opens the next peer that answers. */
    public synchronized PovmGateway failover() {
        final Optional<String> failed =
                Optional.ofNullable(open).map(g -> g.profile().peerEndpoint());
        closeOpen();
        open = openNext(1);
        LOG.warn(
                "peer {} failed; now connected to {}",
                failed.orElse("(none)"),
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
                final PovmGateway gateway = PovmGateway.connect(peer);
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
