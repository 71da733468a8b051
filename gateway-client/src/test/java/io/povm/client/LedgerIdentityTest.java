// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.junit.jupiter.api.Test;

/** The ledger's identity is the SHA-256 of its genesis block's header, as qscc returns it. */
class LedgerIdentityTest {
    private static final String PEER = "localhost:7051";

    private static Block genesis(final String configTx) {
        final ByteString data = ByteString.copyFrom(configTx, StandardCharsets.UTF_8);
        return Block.newBuilder()
                .setHeader(BlockHeader.newBuilder().setNumber(0).setDataHash(data))
                .setData(BlockData.newBuilder().addData(data))
                .build();
    }

    private static Contract qsccAnswering(final byte[] answer) throws Exception {
        final Contract qscc = mock(Contract.class);
        when(qscc.evaluateTransaction("GetBlockByNumber", "povm", "0")).thenReturn(answer);
        return qscc;
    }

    @Test
    void is_the_sha256_of_block_0s_header() throws Exception {
        final Block block = genesis("config of the first channel");

        final String id = LedgerIdentity.of(qsccAnswering(block.toByteArray()), "povm", PEER);

        assertThat(id)
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(block.getHeader().toByteArray())))
                .hasSize(64);
    }

    @Test
    void a_channel_created_again_has_another_identity() throws Exception {
        final String first = LedgerIdentity.of(
                qsccAnswering(genesis("config, created at 10:00").toByteArray()), "povm", PEER);
        final String again = LedgerIdentity.of(
                qsccAnswering(genesis("config, created at 10:00").toByteArray()), "povm", PEER);
        final String recreated = LedgerIdentity.of(
                qsccAnswering(genesis("config, created at 11:00").toByteArray()), "povm", PEER);

        assertThat(again).isEqualTo(first);
        assertThat(recreated).isNotEqualTo(first);
    }

    @Test
    void an_answer_that_is_not_the_genesis_block_is_an_internal_error_naming_the_peer() throws Exception {
        final Block later = genesis("x").toBuilder()
                .setHeader(BlockHeader.newBuilder().setNumber(7))
                .build();

        assertThatThrownBy(() -> LedgerIdentity.of(qsccAnswering(later.toByteArray()), "povm", PEER))
                .isInstanceOfSatisfying(PovmClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PovmClientException.Kind.INTERNAL);
                    assertThat(e.getMessage()).contains(PEER).contains("genesis");
                });
        assertThatThrownBy(() -> LedgerIdentity.of(qsccAnswering(new byte[] {(byte) 0xff, 0x01}), "povm", PEER))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.getMessage())
                        .contains("not a block"));
    }
}
