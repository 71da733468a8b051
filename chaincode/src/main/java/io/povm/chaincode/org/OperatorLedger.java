// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.org;

import io.povm.api.Operator;
import io.povm.api.OrgTransactions;
import io.povm.api.PovmJson;
import io.povm.chaincode.worker.FabricId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * The orgs' operator identities, one key each, so that checking a caller is one read and registering one never
 * touches another's key:
 *
 * <pre>
 * ("org-operator", msp, sha256(fabric id)) -> {@link Operator} JSON
 * </pre>
 */
public final class OperatorLedger {
    static final String OBJECT_TYPE = "org-operator";

    private final ChaincodeStub stub;

    public OperatorLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    public static String key(final String msp, final String fabricId) {
        return new CompositeKey(OBJECT_TYPE, msp, FabricId.digest(fabricId)).toString();
    }

    /** @return the operator record of identity {@code fabricId} of org {@code msp}, if registered */
    public Optional<Operator> find(final String msp, final String fabricId) {
        final byte[] value = stub.getState(key(msp, fabricId));
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(PovmJson.read(new String(value, StandardCharsets.UTF_8), Operator.class));
    }

    /** Stores the operator and sets the {@value OrgTransactions#OPERATOR_REGISTERED_EVENT} event. */
    void put(final Operator operator) {
        final byte[] json = PovmJson.writeBytes(operator);
        stub.putState(key(operator.msp(), operator.id()), json);
        stub.setEvent(OrgTransactions.OPERATOR_REGISTERED_EVENT, json);
    }

    /** Deletes the operator and sets the {@value OrgTransactions#OPERATOR_REMOVED_EVENT} event. */
    void delete(final Operator operator) {
        stub.delState(key(operator.msp(), operator.id()));
        stub.setEvent(OrgTransactions.OPERATOR_REMOVED_EVENT, PovmJson.writeBytes(operator));
    }

    /** @return the org's operators in key order; a range read, for evaluate calls */
    List<Operator> list(final String msp) {
        final List<Operator> operators = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> rows =
                stub.getStateByPartialCompositeKey(new CompositeKey(OBJECT_TYPE, msp))) {
            for (final KeyValue row : rows) {
                operators.add(PovmJson.read(row.getStringValue(), Operator.class));
            }
        }
        return operators;
    }
}
