// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.Operator;
import io.povm.api.PovmJson;
import io.povm.chaincode.org.OperatorLedger;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** Puts an org's operator on a test ledger, as {@code org:RegisterOperator} stores it. */
public final class Operators {
    private Operators() {}

    /** Stores identity {@code fabricId} as an operator of {@code msp}, through the stub's putState. */
    public static void register(final ChaincodeStub stub, final String msp, final String fabricId) {
        stub.putState(
                OperatorLedger.key(msp, fabricId),
                PovmJson.writeBytes(
                        new Operator(msp, fabricId, "x509::CN=Admin::CN=ca", "2026-11-01T00:00:00.000Z", "tx-op")));
    }
}
