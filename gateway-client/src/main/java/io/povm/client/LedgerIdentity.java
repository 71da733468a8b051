// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import com.google.protobuf.InvalidProtocolBufferException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Which ledger a peer serves: the SHA-256 of its channel's genesis block header, read through the query system
 * chaincode ({@code qscc GetBlockByNumber(channel, 0)}). The same channel always answers the same; a channel created
 * again, as by {@code network.sh down --wipe} then {@code up}, answers another, because its genesis block holds a
 * new config transaction. State kept beside a ledger (event checkpoints, beacon secrets, unsent results) is only
 * valid for the ledger it was made on.
 *
 * <pre>{@code
 * String id = LedgerIdentity.of(gateway); // 64 hex digits
 * }</pre>
 */
public final class LedgerIdentity {
    static final String QSCC = "qscc";
    static final String GET_BLOCK_BY_NUMBER = "GetBlockByNumber";

    private LedgerIdentity() {}

    /**
     * @return the identity of the ledger behind {@code gateway}'s channel, 64 lowercase hex digits
     * @throws PovmClientException when the peer cannot answer or its answer is not a block
     */
    public static String of(final PovmGateway gateway) {
        return of(
                gateway.network().getContract(QSCC),
                gateway.profile().channel(),
                gateway.profile().peerEndpoint());
    }

    /** As {@link #of(PovmGateway)}, asking {@code qscc} for {@code channel}'s block 0 on the peer at {@code endpoint}. */
    static String of(final Contract qscc, final String channel, final String endpoint) {
        Objects.requireNonNull(qscc, "qscc");
        final byte[] answer;
        try {
            answer = qscc.evaluateTransaction(GET_BLOCK_BY_NUMBER, Objects.requireNonNull(channel, "channel"), "0");
        } catch (GatewayException e) {
            throw GatewayErrors.translate(e, endpoint);
        } catch (GatewayRuntimeException e) {
            throw GatewayErrors.translate(e, endpoint);
        }
        final Block genesis;
        try {
            genesis = Block.parseFrom(answer);
        } catch (InvalidProtocolBufferException e) {
            throw PovmClientException.internal(
                    "peer " + endpoint + " answered qscc " + GET_BLOCK_BY_NUMBER
                            + " with something that is not a block",
                    e);
        }
        if (!genesis.hasHeader() || genesis.getHeader().getNumber() != 0) {
            throw PovmClientException.internal(
                    "peer " + endpoint + " answered qscc " + GET_BLOCK_BY_NUMBER + " 0 without the genesis block's"
                            + " header",
                    null);
        }
        return HexFormat.of().formatHex(sha256(genesis.getHeader().toByteArray()));
    }

    private static byte[] sha256(final byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
