// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.povm.client.profile.ConnectionProfile;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to one organization's peer: a TLS gRPC channel and a Fabric {@link Gateway} signing as the
 * profile's user. Open one per process and close it when done; it is safe to share between threads.
 *
 * <pre>{@code
 * ConnectionProfile profile = ProfileLocator.fromEnvironment(System.getenv()).load("org1", System.getenv());
 * try (PovmGateway gateway = PovmGateway.connect(profile)) {
 *     Job job = new JobClient(gateway.chaincode()).get("job-1234abcd");
 * }
 * }</pre>
 *
 * <p>Connecting reads and checks the identity files but does not contact the peer; the first call does.
 */
public final class PovmGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PovmGateway.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    private final ConnectionProfile profile;
    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Network network;
    private final Contract contract;

    private PovmGateway(final ConnectionProfile profile, final ManagedChannel channel, final Gateway gateway) {
        this.profile = profile;
        this.channel = channel;
        this.gateway = gateway;
        this.network = gateway.getNetwork(profile.channel());
        this.contract = network.getContract(profile.chaincode());
    }

    /** Connects with {@link CallDeadlines#DEFAULTS}. */
    public static PovmGateway connect(final ConnectionProfile profile) {
        return connect(profile, CallDeadlines.DEFAULTS);
    }

    /**
     * @throws PovmClientException {@link PovmClientException.Kind#IDENTITY} when a file the profile names cannot be
     *     used, naming the file
     */
    public static PovmGateway connect(final ConnectionProfile profile, final CallDeadlines deadlines) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(deadlines, "deadlines");
        final X509Certificate certificate = IdentityFiles.certificate(profile.certificatePath());
        final PrivateKey key = IdentityFiles.privateKey(profile.privateKeyPath());
        final Signer signer =
                IdentityFiles.signerFor(key, profile.privateKeyPath(), certificate, profile.certificatePath());
        final ManagedChannel channel = newChannel(profile);
        try {
            final Gateway gateway = Gateway.newInstance()
                    .identity(new X509Identity(profile.mspId(), certificate))
                    .signer(signer)
                    .hash(Hash.SHA256)
                    .connection(channel)
                    .evaluateOptions(options ->
                            options.withDeadlineAfter(deadlines.evaluate().toMillis(), TimeUnit.MILLISECONDS))
                    .endorseOptions(options ->
                            options.withDeadlineAfter(deadlines.endorse().toMillis(), TimeUnit.MILLISECONDS))
                    .submitOptions(options ->
                            options.withDeadlineAfter(deadlines.submit().toMillis(), TimeUnit.MILLISECONDS))
                    .commitStatusOptions(options ->
                            options.withDeadlineAfter(deadlines.commitStatus().toMillis(), TimeUnit.MILLISECONDS))
                    .connect();
            LOG.debug("connected as {} to {}", profile.mspId(), profile.peerEndpoint());
            return new PovmGateway(profile, channel, gateway);
        } catch (RuntimeException e) {
            shutdown(channel);
            throw e;
        }
    }

    private static ManagedChannel newChannel(final ConnectionProfile profile) {
        IdentityFiles.checkTlsRoot(profile.tlsRootCertPath());
        final ChannelCredentials credentials;
        try {
            credentials = TlsChannelCredentials.newBuilder()
                    .trustManager(profile.tlsRootCertPath().toFile())
                    .build();
        } catch (IOException e) {
            throw PovmClientException.identity(
                    "cannot read TLS root certificate " + profile.tlsRootCertPath() + ": " + e.getMessage(), null, e);
        }
        try {
            return NettyChannelBuilder.forTarget(profile.peerEndpoint(), credentials)
                    .overrideAuthority(profile.peerHostAlias())
                    .build();
        } catch (IllegalArgumentException e) {
            throw PovmClientException.identity(
                    "cannot open a TLS channel to " + profile.peerEndpoint() + " with " + profile.tlsRootCertPath()
                            + ": " + e.getMessage(),
                    "check peerEndpoint (host:port) and tlsRootCertPath in " + profile.source(),
                    e);
        }
    }

    /** @return the profile this gateway was opened with */
    public ConnectionProfile profile() {
        return profile;
    }

    /** @return the channel, for event requests */
    public Network network() {
        return network;
    }

    /** @return the raw Fabric contract for the profile's chaincode */
    /** @return the Fabric Gateway itself, for offline-signed proposals and transactions */
    public Gateway gateway() {
        return gateway;
    }

    public Contract contract() {
        return contract;
    }

    /** @return the chaincode with povm's error translation and commit retries */
    public PovmChaincode chaincode() {
        return new PovmChaincode(contract, profile.peerEndpoint());
    }

    /** Closes the gateway and shuts the gRPC channel down, waiting up to 5 s for calls in flight. */
    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            shutdown(channel);
            LOG.debug("closed the connection to {}", profile.peerEndpoint());
        }
    }

    private static void shutdown(final ManagedChannel channel) {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
