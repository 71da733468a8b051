// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FloorContractTest {
    private final FloorContract contract = new FloorContract();
    private Context ctx;
    private ChaincodeStub stub;

    @BeforeEach
    void setUp() {
        ctx = mock(Context.class);
        stub = mock(ChaincodeStub.class);
        when(ctx.getStub()).thenReturn(stub);
        when(stub.getTxId()).thenReturn("tx1");
    }

    @Test
    void write_puts_one_key_named_after_the_transaction_and_reads_nothing() {
        final String key = contract.Write(ctx, "v");

        assertThat(key).isEqualTo("floor-tx1");
        verify(stub).getTxId();
        verify(stub).putState("floor-tx1", "v".getBytes(StandardCharsets.UTF_8));
        verifyNoMoreInteractions(stub);
    }

    @Test
    void write_refuses_a_value_over_the_limit_with_INVALID_ARGUMENT() {
        assertThatThrownBy(() -> contract.Write(ctx, "x".repeat(FloorContract.MAX_VALUE_BYTES + 1)))
                .isInstanceOf(ChaincodeException.class)
                .hasMessageStartingWith("INVALID_ARGUMENT [value]");
        verify(stub, never()).putState(anyString(), any());
    }

    @Test
    void read_returns_the_stored_value_or_empty() {
        when(stub.getState("floor-tx1")).thenReturn("v".getBytes(StandardCharsets.UTF_8));

        assertThat(contract.Read(ctx, "floor-tx1")).isEqualTo("v");
        assertThat(contract.Read(ctx, "floor-none")).isEmpty();
    }
}
