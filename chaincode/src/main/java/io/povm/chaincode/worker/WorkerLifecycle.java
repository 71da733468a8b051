// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import io.povm.api.PovmException;
import io.povm.api.Worker;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerState;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The changes a registered worker goes through after Register, decided without Fabric: each method checks who calls
 * (see {@link WorkerOperation}), then the worker's state, then builds the changed worker. Nothing is decided by
 * the ledger layer; a rejection throws before anything could be written.
 */
public final class WorkerLifecycle {
    private WorkerLifecycle() {}

    /** The worker to return, and whether it changed and must be written (with the operation's event). */
    public record Outcome(Worker worker, boolean changed) {
        public Outcome {
            Objects.requireNonNull(worker, "worker");
        }

        static Outcome unchanged(final Worker worker) {
            return new Outcome(worker, false);
        }

        static Outcome changedTo(final Worker worker) {
            return new Outcome(worker, true);
        }
    }

    /**
     * Pause, Resume, Deregister or Revoke. Asking for the state the worker is already in changes nothing.
     *
     * @throws PovmException FORBIDDEN [caller] or INVALID_STATE [state]
     */
    public static Outcome changeState(
            final WorkerOperation operation, final Worker worker, final Actor actor, final Worker.Change change) {
        final WorkerState target = operation
                .target()
                .orElseThrow(() -> new IllegalArgumentException(operation + " does not change the state"));
        operation.authorize(actor, worker);
        if (operation.alreadyDone(worker)) {
            return Outcome.unchanged(worker);
        }
        return Outcome.changedTo(worker.withState(target, change));
    }

    /**
     * Replaces the offer of an ACTIVE or PAUSED worker; the identical offer changes nothing.
     *
     * @param offer a validated offer
     * @throws PovmException FORBIDDEN [caller] or INVALID_STATE [state]
     */
    public static Outcome updateOffer(
            final Worker worker, final Actor actor, final WorkerOffer offer, final Worker.Change change) {
        WorkerOperation.UPDATE_OFFER.authorize(actor, worker);
        WorkerOperation.UPDATE_OFFER.alreadyDone(worker);
        if (worker.offer().equals(offer)) {
            return Outcome.unchanged(worker);
        }
        return Outcome.changedTo(worker.withOffer(offer, change));
    }

    /**
     * Records that the worker is alive at {@code at}, with the free slots it reports (0 to its offer's slots).
     *
     * @param freeSlots empty keeps the last reported count
     * @throws PovmException FORBIDDEN [caller], INVALID_STATE [state] or INVALID_ARGUMENT [freeSlots]
     */
    public static Outcome heartbeat(
            final Worker worker, final Actor actor, final OptionalInt freeSlots, final String at) {
        WorkerOperation.HEARTBEAT.authorize(actor, worker);
        WorkerOperation.HEARTBEAT.alreadyDone(worker);
        if (freeSlots.isPresent()) {
            final int slots = worker.offer().slots();
            if (freeSlots.getAsInt() < 0 || freeSlots.getAsInt() > slots) {
                throw PovmException.invalid(
                        "freeSlots",
                        "is " + freeSlots.getAsInt() + "; must be from 0 to the offer's " + slots + " slots");
            }
        }
        return Outcome.changedTo(worker.withHeartbeat(at, freeSlots));
    }
}
