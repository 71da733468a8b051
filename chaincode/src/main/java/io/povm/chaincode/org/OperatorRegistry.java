// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.org;

import io.povm.api.Operator;
import io.povm.api.OrgTransactions;
import io.povm.api.PovmException;
import io.povm.chaincode.AccessPolicy;
import io.povm.chaincode.Caller;
import io.povm.chaincode.TxTime;
import io.povm.chaincode.worker.Registrar;
import io.povm.chaincode.worker.WorkerCertificate;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Registers and removes an org's operator identities ({@link AccessPolicy#requireOperator}): an admin of a member org,
 * for a client identity its own CA issued (the same certificate rules as a worker's, {@link WorkerCertificate}).
 */
final class OperatorRegistry {
    private final ChaincodeStub stub;
    private final Caller caller;
    private final Registrar registrar;
    private final String transaction;

    private OperatorRegistry(
            final ChaincodeStub stub, final Caller caller, final Registrar registrar, final String transaction) {
        this.stub = stub;
        this.caller = caller;
        this.registrar = registrar;
        this.transaction = transaction;
    }

    /** @throws PovmException FORBIDDEN [caller] unless the caller is an admin of a member org */
    static OperatorRegistry of(final Context ctx, final String transaction) {
        final Caller caller = Caller.of(ctx.getClientIdentity());
        new AccessPolicy(ctx.getStub(), caller).requireMemberAdmin(transaction);
        return new OperatorRegistry(
                ctx.getStub(),
                caller,
                Registrar.of(caller, ctx.getClientIdentity().getX509Certificate()),
                Objects.requireNonNull(transaction, "transaction"));
    }

    /** @return the stored operator; a new one is written with its event, a known one is returned as stored */
    Operator register(final String certificatePem) {
        final String id = certifiedId(certificatePem);
        final OperatorLedger ledger = new OperatorLedger(stub);
        final Optional<Operator> known = ledger.find(caller.msp(), id);
        if (known.isPresent()) {
            return known.get();
        }
        final Operator operator =
                new Operator(caller.msp(), id, caller.id(), TxTime.iso(stub.getTxTimestamp()), stub.getTxId());
        ledger.put(operator);
        return operator;
    }

    /** @throws PovmException NOT_FOUND [certificatePem] when the identity is not an operator of the caller's org */
    Operator remove(final String certificatePem) {
        final String id = certifiedId(certificatePem);
        final OperatorLedger ledger = new OperatorLedger(stub);
        final Operator operator = ledger.find(caller.msp(), id)
                .orElseThrow(() -> PovmException.notFound(
                        "certificatePem",
                        "the identity is not an operator of " + caller.msp() + "; " + OrgTransactions.GET_OPERATORS
                                + " lists them"));
        ledger.delete(operator);
        return operator;
    }

    private String certifiedId(final String certificatePem) {
        final WorkerCertificate certificate = WorkerCertificate.parse(certificatePem);
        certificate.requireRegistrableBy(registrar, stub.getTxTimestamp(), transaction);
        return certificate.fabricId();
    }
}
