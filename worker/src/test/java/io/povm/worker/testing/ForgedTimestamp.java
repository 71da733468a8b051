// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.povm.client.PovmGateway;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.time.Instant;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.gateway.ProposedTransaction;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * What an adversarial client does and the gateway API does not: a proposal whose channel header carries a timestamp
 * of its choosing. The proposal is built as usual, its timestamp replaced, and it is signed again with the profile's
 * key (the transaction id hashes the nonce and the creator only, so it stays valid).
 */
public final class ForgedTimestamp {
    private ForgedTimestamp() {}

    /**
     * Endorses and submits {@code function(args)} dated {@code at}, and waits for its commit.
     *
     * @throws GatewayException as a submit does, e.g. an endorsement refused by the chaincode
     * @throws CommitException when the transaction is committed invalid
     */
    public static byte[] submit(
            final PovmGateway gateway, final Instant at, final String function, final String... args)
            throws GatewayException, CommitException {
        final Proposal honest =
                gateway.contract().newProposal(function).addArguments(args).build();
        final byte[] forged = withTimestamp(honest.getBytes(), at);
        final byte[] signature;
        try {
            signature = signer(gateway).sign(digest(proposalBytes(forged)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the forged proposal", e);
        }
        return gateway.gateway().newSignedProposal(forged, signature).endorse().submit();
    }

    private static byte[] withTimestamp(final byte[] proposedTransaction, final Instant at) {
        try {
            final ProposedTransaction transaction = ProposedTransaction.parseFrom(proposedTransaction);
            final SignedProposal signed = transaction.getProposal();
            final org.hyperledger.fabric.protos.peer.Proposal proposal =
                    org.hyperledger.fabric.protos.peer.Proposal.parseFrom(signed.getProposalBytes());
            final Header header = Header.parseFrom(proposal.getHeader());
            final ChannelHeader channelHeader = ChannelHeader.parseFrom(header.getChannelHeader()).toBuilder()
                    .setTimestamp(Timestamp.newBuilder()
                            .setSeconds(at.getEpochSecond())
                            .setNanos(at.getNano()))
                    .build();
            final ByteString forgedProposal = proposal.toBuilder()
                    .setHeader(header.toBuilder()
                            .setChannelHeader(channelHeader.toByteString())
                            .build()
                            .toByteString())
                    .build()
                    .toByteString();
            return transaction.toBuilder()
                    .setProposal(signed.toBuilder().setProposalBytes(forgedProposal))
                    .build()
                    .toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the gateway's proposal cannot be read", e);
        }
    }

    private static byte[] proposalBytes(final byte[] proposedTransaction) {
        try {
            return ProposedTransaction.parseFrom(proposedTransaction)
                    .getProposal()
                    .getProposalBytes()
                    .toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(final byte[] message) {
        return Hash.SHA256.apply(message);
    }

    private static Signer signer(final PovmGateway gateway) {
        try (Reader reader = Files.newBufferedReader(gateway.profile().privateKeyPath())) {
            final PrivateKey key = Identities.readPrivateKey(reader);
            return Signers.newPrivateKeySigner(key);
        } catch (IOException | InvalidKeyException e) {
            throw new IllegalStateException("cannot read " + gateway.profile().privateKeyPath(), e);
        }
    }
}
