// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerOffer;
import io.povm.api.Workers;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** Puts registered workers on a test ledger, with their index keys, as {@code worker:Register} would. */
public final class RegisteredWorkers {
    private RegisteredWorkers() {}

    /**
     * Registers an ACTIVE worker serving standard@1 whose identity is {@code fabricId} of {@code msp}.
     *
     * @return the worker's key
     */
    public static String register(
            final ChaincodeStub stub, final String msp, final String name, final String fabricId) {
        return register(stub, msp, name, fabricId, Workers.offer());
    }

    /**
     * Registers an ACTIVE worker like {@link #register(ChaincodeStub, String, String, String)}, whose attestations
     * verify with {@code attestationKeyPem} (a P-256 public key whose private half the test holds).
     *
     * @return the worker's key
     */
    public static String registerWithAttestationKey(
            final ChaincodeStub stub,
            final String msp,
            final String name,
            final String fabricId,
            final String attestationKeyPem) {
        return register(
                stub,
                msp,
                name,
                fabricId,
                new WorkerOffer(List.of("standard@1"), 2, Workers.TOTAL, Workers.RESERVED, attestationKeyPem));
    }

    private static String register(
            final ChaincodeStub stub, final String msp, final String name, final String fabricId, final WorkerOffer o) {
        final Worker worker =
                Worker.registered(WorkerKey.of(msp, name), fabricId, Workers.ORG1_USER2_CERT, o, Identities.REGISTERED);
        new WorkerLedger(stub).create(worker, "WorkerRegistered");
        return worker.key();
    }
}
