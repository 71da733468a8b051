// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerTransactions;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt to register a worker, and the decision it leads to given what the ledger holds under the worker's
 * key and under its identity: create it, replay the identical earlier registration (nothing is written), or
 * reject it. One identity is one worker: a certificate cannot be registered under two names, nor again after its
 * registration ended (DEREGISTERED or REVOKED).
 */
final class WorkerEnrollment {
    private final WorkerKey key;
    private final WorkerRegistration registration;
    private final String fabricId;
    private final Worker.Change change;

    /**
     * @param key the caller's MSP and the registration's name
     * @param registration a validated registration
     * @param fabricId the id of the registered certificate
     */
    WorkerEnrollment(
            final WorkerKey key,
            final WorkerRegistration registration,
            final String fabricId,
            final Worker.Change change) {
        this.key = Objects.requireNonNull(key, "key");
        this.registration = Objects.requireNonNull(registration, "registration");
        this.fabricId = Objects.requireNonNull(fabricId, "fabricId");
        this.change = Objects.requireNonNull(change, "change");
    }

    /**
     * @param byKey the worker stored under the key, if any
     * @param byIdentity the worker registered for the same identity in the same MSP, if any
     * @throws PovmException DUPLICATE_ID [name], [certificatePem] or [offer]; INVALID_STATE [state] for an identity
     *     whose registration has ended
     */
    WorkerLifecycle.Outcome decide(final Optional<Worker> byKey, final Optional<Worker> byIdentity) {
        if (byIdentity.isPresent()) {
            return replay(byIdentity.get());
        }
        if (byKey.isPresent()) {
            throw PovmException.duplicate(
                    "name",
                    "worker " + key + " is already registered to another identity ("
                            + byKey.get().fabricId() + "); choose another name");
        }
        return new WorkerLifecycle.Outcome(
                Worker.registered(key, fabricId, registration.certificatePem(), registration.offer(), change), true);
    }

    private WorkerLifecycle.Outcome replay(final Worker existing) {
        if (!existing.key().equals(key.toString())) {
            throw PovmException.duplicate(
                    "certificatePem",
                    "this identity is already registered as worker " + existing.key()
                            + "; an identity is one worker, under one name");
        }
        if (existing.state().isTerminal()) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "state",
                    "worker " + key + " is " + existing.state() + ", a terminal state; its identity cannot be"
                            + " registered again: enroll a new identity for the worker"));
        }
        if (!existing.offer().equals(registration.offer())) {
            throw PovmException.duplicate(
                    "offer",
                    "worker " + key + " is already registered with a different offer; change it with "
                            + WorkerTransactions.qualified(WorkerTransactions.UPDATE_OFFER));
        }
        return new WorkerLifecycle.Outcome(existing, false);
    }
}
