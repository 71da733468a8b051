// SPDX-License-Identifier: Apache-2.0
package io.povm.client.worker;

import io.povm.api.ErrorCode;
import io.povm.api.OrgRecord;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerPage;
import io.povm.api.WorkerRecord;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerState;
import io.povm.api.WorkerTransactions;
import io.povm.api.WorkerValidator;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Registers and manages workers through the {@value WorkerTransactions#CONTRACT} contract of the povm chaincode.
 *
 * <pre>{@code
 * try (PovmGateway gateway = PovmGateway.connect(adminProfile)) {
 *     WorkerClient workers = new WorkerClient(gateway.chaincode());
 *     Worker worker = workers.register(new WorkerRegistration("w1", certificatePem, offer));
 *     workers.pause(worker.workerKey());
 * }
 * }</pre>
 *
 * <p>Which calls an identity may make is decided by the chaincode (see docs/access-control-workers.md): an org
 * admin registers, re-offers and revokes its own org's workers; a worker pauses, resumes, deregisters itself and
 * sends its heartbeats. Every method throws {@link PovmClientException}; a refusal by the chaincode is {@link
 * PovmClientException.Kind#REJECTED} with the chaincode's {@code io.povm.api.PovmError}.
 */
public final class WorkerClient {
    /** The largest page {@link #list(Optional, Optional, int, String)} accepts. */
    public static final int MAX_PAGE_SIZE = WorkerTransactions.MAX_PAGE_SIZE;

    private final PovmChaincode chaincode;

    public WorkerClient(final PovmChaincode chaincode) {
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
    }

    /**
     * Checks the registration with the chaincode's own rules, then registers it as the connected org admin. The
     * identical registration again returns the stored worker unchanged.
     *
     * @throws PovmClientException REJECTED: INVALID_ARGUMENT naming the field, FORBIDDEN when the certificate is
     *     another org's, DUPLICATE_ID [offer] when the identity is registered with another offer (use {@link
     *     #updateOffer(WorkerKey, WorkerOffer)})
     */
    public Worker register(final WorkerRegistration registration) {
        final String json = locally(() ->
                WorkerValidator.checkSize(PovmJson.write(WorkerValidator.validate(registration)), "registration"));
        return submit(WorkerTransactions.REGISTER, json);
    }

    /** Replaces a worker's offer, as an admin of its org; the identical offer changes nothing. */
    public Worker updateOffer(final WorkerKey key, final WorkerOffer offer) {
        final String json =
                locally(() -> WorkerValidator.checkSize(PovmJson.write(WorkerValidator.validateOffer(offer)), "offer"));
        return submit(WorkerTransactions.UPDATE_OFFER, key(key), json);
    }

    /** ACTIVE → PAUSED, as the worker itself or an admin of its org. */
    public Worker pause(final WorkerKey key) {
        return submit(WorkerTransactions.PAUSE, key(key));
    }

    /** PAUSED → ACTIVE, as the worker itself or an admin of its org. */
    public Worker resume(final WorkerKey key) {
        return submit(WorkerTransactions.RESUME, key(key));
    }

    /** → DEREGISTERED (terminal), as the worker itself or an admin of its org. */
    public Worker deregister(final WorkerKey key) {
        return submit(WorkerTransactions.DEREGISTER, key(key));
    }

    /** → REVOKED (terminal), as an admin of the worker's own org. */
    public Worker revoke(final WorkerKey key) {
        return submit(WorkerTransactions.REVOKE, key(key));
    }

    /**
     * Says the worker is alive, as the worker itself.
     *
     * @param freeSlots 0 to the offer's slots; empty keeps the last reported count
     */
    public Worker heartbeat(final WorkerKey key, final OptionalInt freeSlots) {
        Objects.requireNonNull(freeSlots, "freeSlots");
        return submit(
                WorkerTransactions.HEARTBEAT,
                key(key),
                freeSlots.isPresent() ? Integer.toString(freeSlots.getAsInt()) : "");
    }

    /** @throws PovmClientException REJECTED with NOT_FOUND [workerKey] when there is no such worker */
    public Worker get(final WorkerKey key) {
        return evaluate(WorkerTransactions.GET, Worker.class, key(key));
    }

    /** @return the worker's track record (agreements, disagreements, timeouts, faults...); empty counts if none */
    public WorkerRecord record(final WorkerKey key) {
        return evaluate(WorkerTransactions.GET_RECORD, WorkerRecord.class, key(key));
    }

    /** @return the org's reputation: the sums of its workers' records */
    public OrgRecord orgRecord(final String msp) {
        return evaluate(WorkerTransactions.GET_ORG_RECORD, OrgRecord.class, Objects.requireNonNull(msp, "msp"));
    }

    /** @return the worker, or empty when the ledger has none under this key */
    public Optional<Worker> find(final WorkerKey key) {
        return unlessNotFound(() -> get(key));
    }

    /**
     * @param org one org's MSP id, or empty for all
     * @param state one state, or empty for all
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @param bookmark {@code ""} for the first page, else the previous page's {@link WorkerPage#bookmark()}
     * @return one page of workers in (MSP, name) order
     */
    public WorkerPage list(
            final Optional<String> org, final Optional<WorkerState> state, final int pageSize, final String bookmark) {
        Objects.requireNonNull(bookmark, "bookmark");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            final PovmException e =
                    PovmException.invalid("pageSize", "must be from 1 to " + MAX_PAGE_SIZE + "; got " + pageSize);
            throw PovmClientException.rejected(e.error(), e);
        }
        return evaluate(
                WorkerTransactions.LIST,
                WorkerPage.class,
                org.map(msp -> locally(() -> WorkerKey.validateMsp(msp, "org"))).orElse(""),
                state.map(WorkerState::name).orElse(""),
                Integer.toString(pageSize),
                bookmark);
    }

    /** @throws PovmClientException REJECTED with NOT_FOUND [caller] when the connected identity is no worker */
    public Worker whoami() {
        return evaluate(WorkerTransactions.WHOAMI, Worker.class);
    }

    /** @return the worker registered for the connected identity, in any state, or empty */
    public Optional<Worker> findSelf() {
        return unlessNotFound(this::whoami);
    }

    private Worker submit(final String transaction, final String... args) {
        return read(chaincode.submit(WorkerTransactions.qualified(transaction), args), Worker.class, transaction);
    }

    private <T> T evaluate(final String transaction, final Class<T> type, final String... args) {
        return read(chaincode.evaluate(WorkerTransactions.qualified(transaction), args), type, transaction);
    }

    private static String key(final WorkerKey key) {
        return Objects.requireNonNull(key, "key").toString();
    }

    private static <T> T locally(final Supplier<T> check) {
        try {
            return check.get();
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }

    private static <T> Optional<T> unlessNotFound(final Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (PovmClientException e) {
            if (e.errorCode().filter(ErrorCode.NOT_FOUND::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T read(final String json, final Class<T> type, final String transaction) {
        try {
            return PovmJson.read(json, type);
        } catch (PovmException e) {
            throw PovmClientException.internal(
                    "unexpected " + WorkerTransactions.qualified(transaction) + " response from the chaincode: "
                            + e.getMessage(),
                    e);
        }
    }
}
