// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Worker;
import io.povm.api.WorkerState;
import io.povm.api.WorkerTransactions;
import io.povm.chaincode.worker.Actor.Relation;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The transactions that change a registered worker, each with who may call it, the states it starts from, the state
 * it leads to and the event it sets. This table is the access-control and state-machine rule of the worker
 * registry; {@code docs/access-control-workers.md} renders it.
 */
public enum WorkerOperation {
    UPDATE_OFFER(
            WorkerTransactions.UPDATE_OFFER,
            WorkerTransactions.OFFER_UPDATED_EVENT,
            EnumSet.of(Relation.OWN_ADMIN),
            EnumSet.of(WorkerState.ACTIVE, WorkerState.PAUSED),
            null),
    PAUSE(
            WorkerTransactions.PAUSE,
            WorkerTransactions.PAUSED_EVENT,
            EnumSet.of(Relation.OWN_ADMIN, Relation.SELF),
            EnumSet.of(WorkerState.ACTIVE),
            WorkerState.PAUSED),
    RESUME(
            WorkerTransactions.RESUME,
            WorkerTransactions.RESUMED_EVENT,
            EnumSet.of(Relation.OWN_ADMIN, Relation.SELF),
            EnumSet.of(WorkerState.PAUSED),
            WorkerState.ACTIVE),
    DEREGISTER(
            WorkerTransactions.DEREGISTER,
            WorkerTransactions.DEREGISTERED_EVENT,
            EnumSet.of(Relation.OWN_ADMIN, Relation.SELF),
            EnumSet.of(WorkerState.ACTIVE, WorkerState.PAUSED),
            WorkerState.DEREGISTERED),
    REVOKE(
            WorkerTransactions.REVOKE,
            WorkerTransactions.REVOKED_EVENT,
            EnumSet.of(Relation.OWN_ADMIN),
            EnumSet.of(WorkerState.ACTIVE, WorkerState.PAUSED),
            WorkerState.REVOKED),
    HEARTBEAT(
            WorkerTransactions.HEARTBEAT,
            WorkerTransactions.HEARTBEAT_EVENT,
            EnumSet.of(Relation.SELF),
            EnumSet.of(WorkerState.ACTIVE, WorkerState.PAUSED),
            null);

    private final String transaction;
    private final String event;
    private final Set<Relation> allowed;
    private final Set<WorkerState> from;
    private final WorkerState target;

    WorkerOperation(
            final String transaction,
            final String event,
            final Set<Relation> allowed,
            final Set<WorkerState> from,
            final WorkerState target) {
        this.transaction = transaction;
        this.event = event;
        this.allowed = Set.copyOf(allowed);
        this.from = Set.copyOf(from);
        this.target = target;
    }

    public String transaction() {
        return transaction;
    }

    /** @return the chaincode event set when the operation changes the worker */
    public String event() {
        return event;
    }

    /** @return whether a caller standing in this relation to the worker may run the operation */
    public boolean allows(final Relation relation) {
        return allowed.contains(relation);
    }

    /** @return the states the operation starts from */
    public Set<WorkerState> from() {
        return from;
    }

    /** @return the state the operation leads to; empty when it leaves the state as it is */
    public Optional<WorkerState> target() {
        return Optional.ofNullable(target);
    }

    /**
     * @throws PovmException FORBIDDEN [caller] naming the rule when the caller may not run this on the worker
     */
    void authorize(final Actor actor, final Worker worker) {
        if (!allows(actor.relationTo(worker))) {
            throw PovmException.forbidden(
                    "caller", transaction + " requires " + rule(worker) + "; caller is " + actor.describe(worker));
        }
    }

    /**
     * Checks the worker's state. A worker already in the target state needs nothing, so that a retried call is
     * harmless.
     *
     * @return true when the worker already is in the target state (nothing to write)
     * @throws PovmException INVALID_STATE [state] naming the current state and the allowed ones
     */
    boolean alreadyDone(final Worker worker) {
        final WorkerState state = worker.state();
        if (state == target) {
            return true;
        }
        if (from.contains(state)) {
            return false;
        }
        final String terminal = state.isTerminal()
                ? " (" + state + " is terminal: nothing changes it any more; register a new identity instead)"
                : "";
        throw new PovmException(new PovmError(
                ErrorCode.INVALID_STATE,
                "state",
                "worker " + worker.key() + " is " + state + "; " + transaction + " is allowed only from " + names(from)
                        + terminal));
    }

    private String rule(final Worker worker) {
        final String org = worker.msp();
        switch (this) {
            case HEARTBEAT:
                return "the worker's own identity (" + org + ", " + abbreviate(worker.fabricId()) + ")";
            case REVOKE:
                return "an admin of the worker's own org (" + org + "): an org admin can revoke its own workers,"
                        + " never another org's";
            case UPDATE_OFFER:
                return "an admin of the worker's own org (" + org + ")";
            default:
                return "the worker itself or an admin of its own org (" + org + ")";
        }
    }

    private static String names(final Set<WorkerState> states) {
        return states.stream().sorted().map(WorkerState::name).collect(Collectors.joining(" or "));
    }

    private static String abbreviate(final String id) {
        return id.length() <= 120 ? id : id.substring(0, 120) + "...";
    }
}
