package io.povm.chaincode.worker;

import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.Workers;
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
        final Worker worker = Worker.registered(
                WorkerKey.of(msp, name), fabricId, Workers.ORG1_USER2_CERT, Workers.offer(), Identities.REGISTERED);
        new WorkerLedger(stub).create(worker, "WorkerRegistered");
        return worker.key();
    }
}
