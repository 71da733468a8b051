// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.reputation;

import io.povm.api.CustomerRecord;
import io.povm.api.PovmJson;
import io.povm.api.Submitter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * Customers' standing, one key per submitting identity:
 *
 * <pre>
 * ("customer-record", msp, id) -> the CustomerRecord JSON
 * </pre>
 */
public final class CustomerRecordLedger {
    static final String RECORD = "customer-record";

    private final ChaincodeStub stub;

    public CustomerRecordLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    static String key(final Submitter customer) {
        return new CompositeKey(RECORD, customer.msp(), customer.id()).toString();
    }

    /** @return the customer's record; an empty one when it has none yet */
    public CustomerRecord find(final Submitter customer) {
        final byte[] value = stub.getState(key(customer));
        if (value == null || value.length == 0) {
            return CustomerRecord.empty(customer);
        }
        return PovmJson.read(new String(value, StandardCharsets.UTF_8), CustomerRecord.class);
    }

    public void write(final CustomerRecord record) {
        stub.putState(key(new Submitter(record.msp(), record.id())), PovmJson.writeBytes(record));
    }
}
