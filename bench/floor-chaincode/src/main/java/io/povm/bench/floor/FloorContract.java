// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.floor;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The benchmarks' floor: the least a Fabric transaction through a Java chaincode can do. {@link #Write} writes one new
 * key (named after the transaction id, so no two transactions touch the same key and none reads anything) and nothing
 * else; {@link #Read} reads one key, the floor of an evaluate. Served by the shim's own {@code ContractRouter} as a
 * service, beside povm on the same channel, for {@code scripts/bench} only; it is not part of povm's API.
 */
@Contract(name = "floor", info = @Info(title = "povm benchmark floor", version = "1"))
@Default
public final class FloorContract implements ContractInterface {
    /** The prefix of every key this chaincode writes. */
    public static final String KEY_PREFIX = "floor-";

    /** The most bytes a value may have: enough for any benchmark payload, small enough to stay a floor. */
    public static final int MAX_VALUE_BYTES = 4096;

    /**
     * Writes {@code value} under a key of its own, {@value #KEY_PREFIX} + the transaction id.
     *
     * @return the key written
     * @throws ChaincodeException INVALID_ARGUMENT when the value is longer than {@value #MAX_VALUE_BYTES} bytes
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Write(final Context ctx, final String value) {
        final byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length > MAX_VALUE_BYTES) {
            throw new ChaincodeException(
                    "INVALID_ARGUMENT [value] must be at most " + MAX_VALUE_BYTES + " bytes; got " + bytes.length,
                    "INVALID_ARGUMENT");
        }
        final ChaincodeStub stub = ctx.getStub();
        final String key = KEY_PREFIX + stub.getTxId();
        stub.putState(key, bytes);
        return key;
    }

    /**
     * @return the value stored under {@code key}, empty when there is none
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Read(final Context ctx, final String key) {
        final byte[] bytes = ctx.getStub().getState(key);
        return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
