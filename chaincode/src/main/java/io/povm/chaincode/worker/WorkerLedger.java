// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerPage;
import io.povm.api.WorkerState;
import io.povm.chaincode.Caller;
import io.povm.chaincode.job.PageBookmark;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * Workers on the world state, with the indexes that keep every query a prefix read.
 *
 * <table>
 *   <caption>keys (composite keys: object type, then attributes)</caption>
 *   <tr><th>key</th><th>value</th><th>what for</th></tr>
 *   <tr><td>{@code worker (msp, name)}</td><td>the {@link Worker} JSON</td>
 *       <td>the worker; its org's workers are the prefix {@code worker (msp)}</td></tr>
 *   <tr><td>{@code worker-by-id (msp, sha256(fabricId))}</td><td>{@code msp/name}</td>
 *       <td>Whoami and the worker's own calls; one identity, one worker</td></tr>
 *   <tr><td>{@code worker-by-state (state, msp, name)}</td><td>{@code 0x00}</td><td>List by state (and org)</td></tr>
 *   <tr><td>{@code worker-by-sla (slaRef, msp, name)}</td><td>{@code 0x00}</td>
 *       <td>ACTIVE workers only: assignment's candidates for one SLA</td></tr>
 * </table>
 *
 * <p>Each worker has its own keys, so transactions on different workers never conflict. Index values are one zero
 * byte because Fabric treats an empty value as a delete. Every write also sets the transaction's one event, whose
 * payload is the stored worker JSON.
 *
 * <p>For assignment: {@link #find(WorkerKey)}, {@link #findByCaller(Caller)} and {@link #activeServing(String)} /
 * {@link #activeServing(String, String)}. The latter two are plain range reads, allowed in submitted transactions,
 * where Fabric re-checks the range at commit: a worker paused, resumed or re-offered between endorsement and
 * commit invalidates the reading transaction (PHANTOM_READ_CONFLICT) instead of letting it use a stale candidate
 * list.
 */
public final class WorkerLedger {
    static final String WORKER = "worker";
    static final String BY_ID = "worker-by-id";
    static final String BY_STATE = "worker-by-state";
    static final String BY_SLA = "worker-by-sla";

    private static final byte[] PRESENT = {0};

    private final ChaincodeStub stub;

    public WorkerLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    /** @return the world-state key of a worker */
    public static String key(final WorkerKey key) {
        return new CompositeKey(WORKER, key.msp(), key.name()).toString();
    }

    static String identityKey(final String msp, final String fabricId) {
        return new CompositeKey(BY_ID, msp, FabricId.digest(fabricId)).toString();
    }

    static String stateKey(final WorkerState state, final WorkerKey key) {
        return new CompositeKey(BY_STATE, state.name(), key.msp(), key.name()).toString();
    }

    static String slaKey(final String slaRef, final WorkerKey key) {
        return new CompositeKey(BY_SLA, slaRef, key.msp(), key.name()).toString();
    }

    public Optional<Worker> find(final WorkerKey key) {
        final String ledgerKey = key(key);
        final byte[] value = stub.getState(ledgerKey);
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(decode(ledgerKey, value));
    }

    /** @return the worker registered for this identity under this MSP, whatever its state */
    public Optional<Worker> findByIdentity(final String msp, final String fabricId) {
        final byte[] value = stub.getState(identityKey(msp, fabricId));
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        final WorkerKey key = WorkerKey.parse(new String(value, StandardCharsets.UTF_8), "worker-by-id");
        return find(key).filter(worker -> worker.fabricId().equals(fabricId));
    }

    /** @return the worker whose registered identity signed this transaction, whatever its state */
    public Optional<Worker> findByCaller(final Caller caller) {
        return findByIdentity(caller.msp(), caller.id());
    }

    /**
     * ACTIVE workers whose offer serves an SLA, in (MSP, name) order: one range read of {@code worker-by-sla}.
     *
     * @param slaRef {@code name@version}
     */
    public List<WorkerKey> activeServing(final String slaRef) {
        return keysUnder(new CompositeKey(BY_SLA, slaRef));
    }

    /** As {@link #activeServing(String)}, restricted to one organization's workers. */
    public List<WorkerKey> activeServing(final String slaRef, final String msp) {
        return keysUnder(new CompositeKey(BY_SLA, slaRef, msp));
    }

    /** ACTIVE workers of every org, in (MSP, name) order: one range read of {@code worker-by-state}. */
    public List<WorkerKey> active() {
        return keysUnder(new CompositeKey(BY_STATE, WorkerState.ACTIVE.name()));
    }

    /** Writes a new worker with all its index keys and sets {@code event}. */
    void create(final Worker worker, final String event) {
        final WorkerKey key = worker.workerKey();
        final byte[] json = PovmJson.writeBytes(worker);
        stub.putState(key(key), json);
        stub.putState(
                identityKey(worker.msp(), worker.fabricId()), key.toString().getBytes(StandardCharsets.UTF_8));
        stub.putState(stateKey(worker.state(), key), PRESENT);
        for (String sla : servedWhileActive(worker)) {
            stub.putState(slaKey(sla, key), PRESENT);
        }
        stub.setEvent(event, json);
    }

    /** Writes a changed worker, moves its state and SLA index keys where they changed, and sets {@code event}. */
    void update(final Worker before, final Worker after, final String event) {
        final WorkerKey key = after.workerKey();
        if (!before.workerKey().equals(key)) {
            throw new IllegalArgumentException("an update keeps the worker's key: " + before.key() + " → " + key);
        }
        final byte[] json = PovmJson.writeBytes(after);
        stub.putState(key(key), json);
        if (before.state() != after.state()) {
            stub.delState(stateKey(before.state(), key));
            stub.putState(stateKey(after.state(), key), PRESENT);
        }
        final Set<String> was = new HashSet<>(servedWhileActive(before));
        final List<String> now = servedWhileActive(after);
        for (String sla : servedWhileActive(before)) {
            if (!now.contains(sla)) {
                stub.delState(slaKey(sla, key));
            }
        }
        for (String sla : now) {
            if (!was.contains(sla)) {
                stub.putState(slaKey(sla, key), PRESENT);
            }
        }
        stub.setEvent(event, json);
    }

    /**
     * One page of workers in (MSP, name) order. Only for evaluate (read-only) transactions: Fabric refuses paginated
     * queries in submitted ones.
     *
     * @param org an MSP id, or empty for every org
     * @param state a state, or empty for every state
     * @param bookmark the bookmark of the previous page of the same listing ({@link PageBookmark}); empty for the
     *     first page
     */
    public WorkerPage page(
            final Optional<String> org, final Optional<WorkerState> state, final int pageSize, final String bookmark) {
        if (state.isEmpty()) {
            final CompositeKey prefix =
                    org.map(msp -> new CompositeKey(WORKER, msp)).orElseGet(() -> new CompositeKey(WORKER));
            return page(prefix, pageSize, bookmark, entry -> decode(entry.getKey(), entry.getValue()));
        }
        final String stateName = state.get().name();
        final CompositeKey prefix = org.map(msp -> new CompositeKey(BY_STATE, stateName, msp))
                .orElseGet(() -> new CompositeKey(BY_STATE, stateName));
        return page(prefix, pageSize, bookmark, entry -> indexed(entry.getKey(), 1));
    }

    private WorkerPage page(
            final CompositeKey prefix,
            final int pageSize,
            final String bookmark,
            final Function<KeyValue, Worker> reader) {
        final List<Worker> workers = new ArrayList<>();
        final String next;
        try (QueryResultsIteratorWithMetadata<KeyValue> results = stub.getStateByPartialCompositeKeyWithPagination(
                prefix, pageSize, PageBookmark.decode(bookmark, prefix))) {
            for (KeyValue entry : results) {
                workers.add(reader.apply(entry));
            }
            final QueryResponseMetadata metadata = results.getMetadata();
            next = metadata == null ? "" : metadata.getBookmark();
        }
        return new WorkerPage(workers, workers.size() < pageSize ? "" : PageBookmark.encode(next));
    }

    private List<WorkerKey> keysUnder(final CompositeKey prefix) {
        final List<WorkerKey> keys = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(prefix)) {
            for (KeyValue entry : results) {
                keys.add(indexedKey(entry.getKey(), 1));
            }
        }
        return keys;
    }

    /** @return the worker an index key points to; its (msp, name) follow {@code skip} other attributes */
    private Worker indexed(final String indexKey, final int skip) {
        final WorkerKey key = indexedKey(indexKey, skip);
        return find(key)
                .orElseThrow(() -> new IllegalStateException(
                        "index key " + printable(indexKey) + " names a worker that does not exist: " + key));
    }

    private static WorkerKey indexedKey(final String indexKey, final int skip) {
        final List<String> attributes = CompositeKey.parseCompositeKey(indexKey).getAttributes();
        return WorkerKey.of(attributes.get(skip), attributes.get(skip + 1));
    }

    private static List<String> servedWhileActive(final Worker worker) {
        return worker.state() == WorkerState.ACTIVE ? worker.offer().slas() : List.of();
    }

    private static Worker decode(final String key, final byte[] value) {
        try {
            return PovmJson.read(new String(value, StandardCharsets.UTF_8), Worker.class);
        } catch (PovmException e) {
            throw new IllegalStateException(
                    "stored worker at key " + printable(key) + " cannot be read: "
                            + e.error().field(),
                    e);
        }
    }

    private static String printable(final String key) {
        return key.replace('\u0000', '/');
    }
}
