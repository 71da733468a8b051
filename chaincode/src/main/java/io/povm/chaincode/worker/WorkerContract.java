// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import io.povm.api.ErrorCode;
import io.povm.api.KeyText;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Quote;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerState;
import io.povm.api.WorkerTransactions;
import io.povm.api.WorkerValidator;
import io.povm.chaincode.Caller;
import io.povm.chaincode.TransactionGuard;
import io.povm.chaincode.TxTime;
import io.povm.chaincode.job.PageSize;
import io.povm.chaincode.reputation.WorkerRecordLedger;
import io.povm.chaincode.sla.SlaLedger;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The worker registry, contract {@value WorkerTransactions#CONTRACT}: callers name its transactions {@code
 * worker:Register} and so on. Each transaction parses its input, lets {@link WorkerEnrollment} or {@link
 * WorkerLifecycle} decide, and writes through {@link WorkerLedger}, which sets the one event. A rejected call writes
 * nothing. Every transaction returns the worker as JSON ({@link Worker}), List a {@link io.povm.api.WorkerPage}.
 */
@Contract(
        name = WorkerTransactions.CONTRACT,
        info =
                @Info(
                        title = "povm worker registry",
                        description = "Org and worker registry: worker identities, offers, CloudPoS stake, liveness",
                        version = "0.1.0"))
public final class WorkerContract implements ContractInterface {
    private static final Pattern FREE_SLOTS = Pattern.compile("0|[1-9][0-9]{0,2}");

    /**
     * An org admin registers a worker identity of its own org. Registering the same certificate with the same name
     * and offer again returns the stored worker and writes nothing.
     *
     * @param registrationJson a {@link WorkerRegistration}, at most 16 KiB
     * @return the stored worker; on creation the {@value WorkerTransactions#REGISTERED_EVENT} event carries it
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Register(final Context ctx, final String registrationJson) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(WorkerTransactions.REGISTER, stub.getTxId(), () -> {
            final Caller caller = Caller.of(ctx.getClientIdentity());
            caller.requireAdmin(WorkerTransactions.REGISTER);
            final WorkerRegistration registration = WorkerValidator.validate(PovmJson.read(
                    WorkerValidator.checkSize(registrationJson, "registration"), WorkerRegistration.class));
            new SlaLedger(stub).requireExisting(registration.offer().slas(), "offer.slas");
            final WorkerCertificate certificate = WorkerCertificate.parse(registration.certificatePem());
            certificate.requireRegistrableBy(
                    Registrar.of(caller, ctx.getClientIdentity().getX509Certificate()), stub.getTxTimestamp());
            final WorkerKey key = WorkerKey.of(caller.msp(), registration.name());
            final WorkerLedger ledger = new WorkerLedger(stub);
            final WorkerLifecycle.Outcome outcome = new WorkerEnrollment(
                            key, registration, certificate.fabricId(), change(stub, caller))
                    .decide(ledger.find(key), ledger.findByIdentity(caller.msp(), certificate.fabricId()));
            if (outcome.changed()) {
                ledger.create(outcome.worker(), WorkerTransactions.REGISTERED_EVENT);
            }
            return PovmJson.write(outcome.worker());
        });
    }

    /**
     * The worker's org admin replaces its offer (validated like Register's); the identical offer writes nothing.
     *
     * @param offerJson a {@link WorkerOffer}, at most 16 KiB
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String UpdateOffer(final Context ctx, final String workerKey, final String offerJson) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(WorkerTransactions.UPDATE_OFFER, stub.getTxId(), () -> {
            final WorkerKey key = WorkerKey.parse(workerKey, "workerKey");
            final WorkerOffer offer = WorkerValidator.validateOffer(
                    PovmJson.read(WorkerValidator.checkSize(offerJson, "offer"), WorkerOffer.class));
            new SlaLedger(stub).requireExisting(offer.slas(), "offer.slas");
            return change(
                    ctx,
                    WorkerOperation.UPDATE_OFFER,
                    key,
                    (worker, caller) ->
                            WorkerLifecycle.updateOffer(worker, Actor.of(caller), offer, change(stub, caller)));
        });
    }

    /** ACTIVE → PAUSED, by the worker itself or its org's admin; a PAUSED worker stays as it is. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Pause(final Context ctx, final String workerKey) {
        return changeState(ctx, WorkerOperation.PAUSE, workerKey);
    }

    /** PAUSED → ACTIVE, by the worker itself or its org's admin; an ACTIVE worker stays as it is. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Resume(final Context ctx, final String workerKey) {
        return changeState(ctx, WorkerOperation.RESUME, workerKey);
    }

    /** ACTIVE or PAUSED → DEREGISTERED (terminal), by the worker itself or its org's admin. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Deregister(final Context ctx, final String workerKey) {
        return changeState(ctx, WorkerOperation.DEREGISTER, workerKey);
    }

    /** ACTIVE or PAUSED → REVOKED (terminal), by an admin of the worker's own org only. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Revoke(final Context ctx, final String workerKey) {
        return changeState(ctx, WorkerOperation.REVOKE, workerKey);
    }

    /**
     * The worker itself says it is alive: records the transaction time and, when given, its free slots.
     *
     * @param freeSlots a decimal from 0 to the offer's slots, or {@code ""} to keep the last reported count
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Heartbeat(final Context ctx, final String workerKey, final String freeSlots) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(WorkerTransactions.HEARTBEAT, stub.getTxId(), () -> {
            final WorkerKey key = WorkerKey.parse(workerKey, "workerKey");
            final OptionalInt slots = parseFreeSlots(freeSlots);
            return change(
                    ctx,
                    WorkerOperation.HEARTBEAT,
                    key,
                    (worker, caller) -> WorkerLifecycle.heartbeat(
                            worker, Actor.of(caller), slots, TxTime.iso(stub.getTxTimestamp())));
        });
    }

    /** @return the worker as JSON; NOT_FOUND [workerKey] when there is none */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(final Context ctx, final String workerKey) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(WorkerTransactions.GET, stub.getTxId(), () -> {
            final WorkerKey key = WorkerKey.parse(workerKey, "workerKey");
            return PovmJson.write(find(new WorkerLedger(stub), key));
        });
    }

    /** @return the worker's track record as JSON (see {@link io.povm.api.WorkerRecord}); empty counts if none */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetRecord(final Context ctx, final String workerKey) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(WorkerTransactions.GET_RECORD, stub.getTxId(), () -> {
            final WorkerKey key = WorkerKey.parse(workerKey, "workerKey");
            return PovmJson.write(new WorkerRecordLedger(stub).find(key.toString()));
        });
    }

    /** @return the org's reputation as JSON: the sums of its workers' records (see {@link io.povm.api.OrgRecord}) */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetOrgRecord(final Context ctx, final String msp) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(WorkerTransactions.GET_ORG_RECORD, stub.getTxId(), () -> {
            final String org = KeyText.require(msp, "msp", KeyText.MAX_MSP_CHARS, "an org's MSP id, e.g. Org1MSP");
            return PovmJson.write(new WorkerRecordLedger(stub).ofOrg(org));
        });
    }

    /**
     * @param org an MSP id, or {@code ""} for every org
     * @param state a {@link WorkerState} name, or {@code ""} for every state
     * @param pageSize a decimal string from 1 to {@value WorkerTransactions#MAX_PAGE_SIZE}
     * @param bookmark the previous page's bookmark; empty for the first page
     * @return a {@link io.povm.api.WorkerPage} in (MSP, name) order; its bookmark is empty on the last page
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String List(
            final Context ctx, final String org, final String state, final String pageSize, final String bookmark) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(WorkerTransactions.LIST, stub.getTxId(), () -> {
            final Optional<String> msp = blankToEmpty(org).map(text -> WorkerKey.validateMsp(text, "org"));
            final Optional<WorkerState> inState = blankToEmpty(state).map(WorkerContract::parseState);
            final int size = PageSize.parse(pageSize);
            return PovmJson.write(new WorkerLedger(stub).page(msp, inState, size, bookmark == null ? "" : bookmark));
        });
    }

    /** @return the worker registered for the calling identity, in any state; NOT_FOUND [caller] when none */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Whoami(final Context ctx) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(WorkerTransactions.WHOAMI, stub.getTxId(), () -> {
            final Caller caller = Caller.of(ctx.getClientIdentity());
            return PovmJson.write(new WorkerLedger(stub)
                    .findByCaller(caller)
                    .orElseThrow(() -> PovmException.notFound(
                            "caller",
                            "no worker is registered for this identity (" + caller.msp() + ", " + caller.id()
                                    + "); an admin of " + caller.msp() + " registers it with "
                                    + WorkerTransactions.qualified(WorkerTransactions.REGISTER))));
        });
    }

    /** Reports an unknown transaction name in the povm error format. */
    @Override
    public void unknownTransaction(final Context ctx) {
        throw TransactionGuard.toChaincodeException(new PovmError(
                ErrorCode.INVALID_ARGUMENT,
                "function",
                "unknown transaction of contract " + WorkerTransactions.CONTRACT + "; accepted: "
                        + String.join(
                                ", ",
                                WorkerTransactions.REGISTER,
                                WorkerTransactions.UPDATE_OFFER,
                                WorkerTransactions.PAUSE,
                                WorkerTransactions.RESUME,
                                WorkerTransactions.DEREGISTER,
                                WorkerTransactions.REVOKE,
                                WorkerTransactions.HEARTBEAT,
                                WorkerTransactions.GET,
                                WorkerTransactions.GET_RECORD,
                                WorkerTransactions.GET_ORG_RECORD,
                                WorkerTransactions.LIST,
                                WorkerTransactions.WHOAMI)));
    }

    private String changeState(final Context ctx, final WorkerOperation operation, final String workerKey) {
        final ChaincodeStub stub = ctx.getStub();
        return TransactionGuard.run(operation.transaction(), stub.getTxId(), () -> {
            final WorkerKey key = WorkerKey.parse(workerKey, "workerKey");
            return change(
                    ctx,
                    operation,
                    key,
                    (worker, caller) ->
                            WorkerLifecycle.changeState(operation, worker, Actor.of(caller), change(stub, caller)));
        });
    }

    /** Reads the worker, lets the domain decide, writes the change with the operation's event when there is one. */
    private static String change(
            final Context ctx, final WorkerOperation operation, final WorkerKey key, final Decision decision) {
        final Caller caller = Caller.of(ctx.getClientIdentity());
        final WorkerLedger ledger = new WorkerLedger(ctx.getStub());
        final Worker worker = find(ledger, key);
        final WorkerLifecycle.Outcome outcome = decision.decide(worker, caller);
        if (outcome.changed()) {
            ledger.update(worker, outcome.worker(), operation.event());
        }
        return PovmJson.write(outcome.worker());
    }

    @FunctionalInterface
    private interface Decision {
        WorkerLifecycle.Outcome decide(Worker worker, Caller caller);
    }

    private static Worker find(final WorkerLedger ledger, final WorkerKey key) {
        return ledger.find(key)
                .orElseThrow(() -> PovmException.notFound(
                        "workerKey",
                        "worker '" + key + "' does not exist; list them with "
                                + WorkerTransactions.qualified(WorkerTransactions.LIST)));
    }

    private static Worker.Change change(final ChaincodeStub stub, final Caller caller) {
        return new Worker.Change(TxTime.iso(stub.getTxTimestamp()), caller.id(), stub.getTxId());
    }

    private static OptionalInt parseFreeSlots(final String freeSlots) {
        if (freeSlots == null || freeSlots.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!FREE_SLOTS.matcher(freeSlots).matches()) {
            throw PovmException.invalid(
                    "freeSlots",
                    Quote.prefix(freeSlots) + " must be a whole number from 0 to the offer's slots, or empty");
        }
        return OptionalInt.of(Integer.parseInt(freeSlots));
    }

    private static WorkerState parseState(final String state) {
        return Arrays.stream(WorkerState.values())
                .filter(candidate -> candidate.name().equals(state))
                .findFirst()
                .orElseThrow(() -> PovmException.invalid(
                        "state",
                        Quote.prefix(state) + " is not a worker state; accepted: "
                                + Arrays.stream(WorkerState.values())
                                        .map(WorkerState::name)
                                        .collect(Collectors.joining(", "))
                                + ", or empty for all"));
    }

    private static Optional<String> blankToEmpty(final String text) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
