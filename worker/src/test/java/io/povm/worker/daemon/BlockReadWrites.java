// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.povm.client.PovmGateway;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * What each transaction of committed blocks read and wrote in the chaincode's namespace, and how it was validated,
 * read from the blocks themselves (qscc): the facts Fabric's MVCC check compares, so a test can name which
 * transaction a conflict was with.
 */
final class BlockReadWrites {
    /** One endorser transaction: its id, its block and validation code, and the keys it read and wrote. */
    record Tx(String id, long block, TxValidationCode code, Set<String> reads, Set<String> writes) {}

    private BlockReadWrites() {}

    /** @return the endorser transactions of blocks {@code from} to {@code to}, in commit order */
    static List<Tx> of(final PovmGateway gateway, final String namespace, final long from, final long to) {
        final List<Tx> txs = new ArrayList<>();
        for (long number = from; number <= to; number++) {
            txs.addAll(block(gateway, namespace, number));
        }
        return txs;
    }

    private static List<Tx> block(final PovmGateway gateway, final String namespace, final long number) {
        try {
            final Block block = Block.parseFrom(gateway.network()
                    .getContract("qscc")
                    .evaluateTransaction("GetBlockByNumber", gateway.profile().channel(), Long.toString(number)));
            final ByteString flags = block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE);
            final List<Tx> txs = new ArrayList<>();
            for (int i = 0; i < block.getData().getDataCount(); i++) {
                final Payload payload = Payload.parseFrom(
                        Envelope.parseFrom(block.getData().getData(i)).getPayload());
                final ChannelHeader header =
                        ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
                if (header.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                    continue;
                }
                final Set<String> reads = new HashSet<>();
                final Set<String> writes = new HashSet<>();
                for (var action : Transaction.parseFrom(payload.getData()).getActionsList()) {
                    final ChaincodeAction chaincode = ChaincodeAction.parseFrom(
                            ProposalResponsePayload.parseFrom(ChaincodeActionPayload.parseFrom(action.getPayload())
                                            .getAction()
                                            .getProposalResponsePayload())
                                    .getExtension());
                    for (NsReadWriteSet ns :
                            TxReadWriteSet.parseFrom(chaincode.getResults()).getNsRwsetList()) {
                        if (ns.getNamespace().equals(namespace)) {
                            final KVRWSet set = KVRWSet.parseFrom(ns.getRwset());
                            set.getReadsList().forEach(read -> reads.add(read.getKey()));
                            set.getWritesList().forEach(write -> writes.add(write.getKey()));
                        }
                    }
                }
                txs.add(new Tx(header.getTxId(), number, TxValidationCode.forNumber(flags.byteAt(i)), reads, writes));
            }
            return txs;
        } catch (GatewayException | InvalidProtocolBufferException e) {
            throw new AssertionError("cannot read block " + number + " through qscc", e);
        }
    }

    /** @return the key as it reads in a message: composite-key separators as {@code /} */
    static String readable(final String key) {
        return key.replace('\u0000', '/');
    }
}
