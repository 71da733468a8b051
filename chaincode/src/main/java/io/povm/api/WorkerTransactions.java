// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/**
 * Names of the {@value #CONTRACT} contract, the worker registry: its transactions, events and limits. Callers name a
 * transaction with its contract, {@code worker:Register}; {@link #qualified(String)} builds that form.
 *
 * <pre>{@code
 * byte[] worker = contract.submitTransaction(WorkerTransactions.qualified(WorkerTransactions.PAUSE), "Org1MSP/w1");
 * }</pre>
 */
public final class WorkerTransactions {
    /** The contract's name inside the povm chaincode; it is not the default contract. */
    public static final String CONTRACT = "worker";

    /** {@code Register(registrationJson)}: an org admin registers a worker of its own org → {@link Worker}. */
    public static final String REGISTER = "Register";

    /** {@code UpdateOffer(workerKey, offerJson)}: the worker's org admin replaces its offer → {@link Worker}. */
    public static final String UPDATE_OFFER = "UpdateOffer";

    /** {@code Pause(workerKey)}: ACTIVE → PAUSED, by the worker or its org admin → {@link Worker}. */
    public static final String PAUSE = "Pause";

    /** {@code Resume(workerKey)}: PAUSED → ACTIVE, by the worker or its org admin → {@link Worker}. */
    public static final String RESUME = "Resume";

    /** {@code Deregister(workerKey)}: → DEREGISTERED (terminal), by the worker or its org admin → {@link Worker}. */
    public static final String DEREGISTER = "Deregister";

    /** {@code Revoke(workerKey)}: → REVOKED (terminal), by the worker's org admin only → {@link Worker}. */
    public static final String REVOKE = "Revoke";

    /** {@code Heartbeat(workerKey, freeSlots)}: the worker itself reports it is alive → {@link Worker}. */
    public static final String HEARTBEAT = "Heartbeat";

    /** {@code Get(workerKey)} → {@link Worker}. */
    public static final String GET = "Get";

    /**
     * {@code GetRecord(workerKey)} → the {@link WorkerRecord}: results, agreements, disagreements, timeouts, faults,
     * violations and releases, from which its reputation follows; an empty record for a worker without history.
     */
    public static final String GET_RECORD = "GetRecord";

    /** {@code GetOrgRecord(msp)} → the {@link OrgRecord}: the sums of the org's workers' records. */
    public static final String GET_ORG_RECORD = "GetOrgRecord";

    /** {@code List(org, state, pageSize, bookmark)} → {@link WorkerPage}; {@code ""} for any org or any state. */
    public static final String LIST = "List";

    /** {@code Whoami()} → the {@link Worker} registered for the calling identity, or NOT_FOUND. */
    public static final String WHOAMI = "Whoami";

    /** Event of a Register that created a worker; every worker event's payload is the stored {@link Worker} JSON. */
    public static final String REGISTERED_EVENT = "WorkerRegistered";

    public static final String OFFER_UPDATED_EVENT = "WorkerOfferUpdated";
    public static final String PAUSED_EVENT = "WorkerPaused";
    public static final String RESUMED_EVENT = "WorkerResumed";
    public static final String DEREGISTERED_EVENT = "WorkerDeregistered";
    public static final String REVOKED_EVENT = "WorkerRevoked";
    public static final String HEARTBEAT_EVENT = "WorkerHeartbeat";

    /** Largest page size List accepts. */
    public static final int MAX_PAGE_SIZE = PovmTransactions.MAX_PAGE_SIZE;

    private WorkerTransactions() {}

    /** @return {@code worker:<transaction>}, the name a client submits or evaluates */
    public static String qualified(final String transaction) {
        return CONTRACT + ":" + transaction;
    }
}
