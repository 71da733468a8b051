// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.reputation;

import io.povm.api.OrgRecord;
import io.povm.api.PovmJson;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerRecord;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * Workers' track records, one key per worker:
 *
 * <pre>
 * ("worker-record", msp, name) -> the WorkerRecord JSON
 * </pre>
 */
public final class WorkerRecordLedger {
    static final String RECORD = "worker-record";

    private final ChaincodeStub stub;

    public WorkerRecordLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    static String key(final String workerKey) {
        final WorkerKey parsed = WorkerKey.parse(workerKey, "workerKey");
        return new CompositeKey(RECORD, parsed.msp(), parsed.name()).toString();
    }

    /** @return the worker's record; an empty one when it has none yet */
    public WorkerRecord find(final String workerKey) {
        final byte[] value = stub.getState(key(workerKey));
        if (value == null || value.length == 0) {
            return WorkerRecord.empty(workerKey);
        }
        return PovmJson.read(new String(value, StandardCharsets.UTF_8), WorkerRecord.class);
    }

    /** Writes the worker's record after {@code change}, e.g. {@code WorkerRecord::withTimeout}. */
    public void update(final String workerKey, final UnaryOperator<WorkerRecord> change) {
        write(change.apply(find(workerKey)));
    }

    /** @return the sums of the records of the org's workers (a range over its record keys) */
    public OrgRecord ofOrg(final String msp) {
        OrgRecord sum = OrgRecord.empty(msp);
        try (QueryResultsIterator<KeyValue> records =
                stub.getStateByPartialCompositeKey(new CompositeKey(RECORD, msp))) {
            for (final KeyValue kv : records) {
                sum = sum.plus(PovmJson.read(kv.getStringValue(), WorkerRecord.class));
            }
        }
        return sum;
    }

    public void write(final WorkerRecord record) {
        stub.putState(key(record.workerKey()), PovmJson.writeBytes(record));
    }
}
