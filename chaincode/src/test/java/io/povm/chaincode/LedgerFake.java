// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.CreditAccount;
import io.povm.api.CreditSupply;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Sla;
import io.povm.api.SlaSpec;
import io.povm.api.SlaState;
import io.povm.api.Slas;
import io.povm.api.Submitter;
import io.povm.chaincode.credit.CreditLedger;
import io.povm.chaincode.sla.SlaLedger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import javax.security.auth.x500.X500Principal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A Mockito {@link ChaincodeStub} backed by an in-memory world state and key history, for contract tests: writes go
 * to the map (and are recorded by Mockito, for {@code verify}), reads, paged partial-key queries and key histories
 * come from it. {@link #transaction(String, Instant)} starts the next transaction: it forgets the recorded calls
 * but keeps the state. Every iterator handed out is counted, and counted again when closed.
 */
final class LedgerFake {
    /** The credits each test identity holds at the start. */
    static final long FUNDS = 1_000_000_000L;

    final ChaincodeStub stub = mock(ChaincodeStub.class);
    final Context ctx = mock(Context.class);
    final NavigableMap<String, byte[]> state = new TreeMap<>();
    int iteratorsOpened;
    int iteratorsClosed;

    private final ClientIdentity identity = mock(ClientIdentity.class);
    private final X509Certificate certificate = mock(X509Certificate.class);
    private final Map<String, List<Modification>> history = new HashMap<>();
    private Signer signer = Signer.SUBMITTER;
    private String txId = "tx-1";
    private Instant txTime = Instant.parse("2026-11-20T10:00:00.123456789Z");

    LedgerFake() {
        activeSla();
        fundedSigners();
        when(ctx.getStub()).thenReturn(stub);
        when(ctx.getClientIdentity()).thenReturn(identity);
        when(identity.getX509Certificate()).thenReturn(certificate);
        when(identity.getMSPID()).thenAnswer(call -> signer.msp());
        when(identity.getId()).thenAnswer(call -> signer.id());
        when(certificate.getSubjectX500Principal()).thenAnswer(call -> new X500Principal(signer.subject()));
        when(stub.getTxId()).thenAnswer(call -> txId);
        when(stub.getTxTimestamp()).thenAnswer(call -> txTime);
        when(stub.getState(anyString())).thenAnswer(call -> state.get(call.<String>getArgument(0)));
        doAnswer(call -> write(call.getArgument(0), call.getArgument(1)))
                .when(stub)
                .putState(anyString(), any());
        doAnswer(call -> write(call.getArgument(0), null)).when(stub).delState(anyString());
        when(stub.getStateByPartialCompositeKeyWithPagination(any(CompositeKey.class), anyInt(), anyString()))
                .thenAnswer(call -> page(call.getArgument(0), call.getArgument(1), call.getArgument(2)));
        when(stub.getHistoryForKey(anyString())).thenAnswer(call -> history(call.getArgument(0)));
        when(stub.getStateByPartialCompositeKey(any(CompositeKey.class))).thenAnswer(call -> all(call.getArgument(0)));
    }

    /** Starts the next transaction: new id and timestamp, recorded calls forgotten, world state kept. */
    LedgerFake transaction(final String id, final Instant at) {
        clearInvocations(stub);
        this.txId = id;
        this.txTime = at;
        return this;
    }

    /** Signs the next calls as this identity. */
    LedgerFake signedBy(final Signer next) {
        this.signer = next;
        return this;
    }

    /** Puts a value on the world state as if an earlier transaction had written it. */
    void committed(final String key, final String json) {
        state.put(key, json.getBytes(StandardCharsets.UTF_8));
    }

    String text(final String key) {
        final byte[] value = state.get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** @return the error a failing transaction reports, checked to be the same in message and payload */
    static PovmError errorOf(final ThrowingCallable transaction) {
        final ChaincodeException e = catchThrowableOfType(ChaincodeException.class, transaction);
        assertThat(e).as("the transaction fails with a ChaincodeException").isNotNull();
        final PovmError error = PovmJson.read(new String(e.getPayload(), StandardCharsets.UTF_8), PovmError.class);
        assertThat(e.getMessage()).isEqualTo(error.toMessage());
        return error;
    }

    /** Checks that the current transaction wrote, deleted and emitted nothing. */
    void assertNothingWritten() {
        verify(stub, never()).putState(anyString(), any());
        verify(stub, never()).delState(anyString());
        verify(stub, never()).setEvent(anyString(), any());
    }

    private Object write(final String key, final byte[] value) {
        if (value == null) {
            state.remove(key);
        } else {
            state.put(key, value);
        }
        history.computeIfAbsent(key, k -> new ArrayList<>()).add(0, new Modification(txId, txTime, value));
        return null;
    }

    private QueryResultsIteratorWithMetadata<KeyValue> page(
            final CompositeKey partial, final int pageSize, final String bookmark) {
        final String prefix = partial.toString();
        final String start = bookmark.isEmpty() ? prefix : bookmark;
        final List<KeyValue> entries = new ArrayList<>();
        String next = "";
        for (Map.Entry<String, byte[]> entry : state.tailMap(start, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            if (entries.size() == pageSize) {
                next = entry.getKey();
                break;
            }
            entries.add(new Entry(entry.getKey(), entry.getValue()));
        }
        iteratorsOpened++;
        final String bookmarkOut = next;
        return new QueryResultsIteratorWithMetadata<>() {
            @Override
            public QueryResponseMetadata getMetadata() {
                return QueryResponseMetadata.newBuilder()
                        .setBookmark(bookmarkOut)
                        .setFetchedRecordsCount(entries.size())
                        .build();
            }

            @Override
            public Iterator<KeyValue> iterator() {
                return entries.iterator();
            }

            @Override
            public void close() {
                iteratorsClosed++;
            }
        };
    }

    private QueryResultsIterator<KeyValue> all(final CompositeKey partial) {
        final QueryResultsIteratorWithMetadata<KeyValue> page = page(partial, Integer.MAX_VALUE, "");
        return new QueryResultsIterator<>() {
            @Override
            public Iterator<KeyValue> iterator() {
                return page.iterator();
            }

            @Override
            public void close() {
                try {
                    page.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private QueryResultsIterator<KeyModification> history(final String key) {
        final List<KeyModification> versions = new ArrayList<>(history.getOrDefault(key, List.of()));
        iteratorsOpened++;
        return new QueryResultsIterator<>() {
            @Override
            public Iterator<KeyModification> iterator() {
                return versions.iterator();
            }

            @Override
            public void close() {
                iteratorsClosed++;
            }
        };
    }

    private record Entry(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value;
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private record Modification(String txId, Instant timestamp, byte[] value) implements KeyModification {
        @Override
        public String getTxId() {
            return txId;
        }

        @Override
        public byte[] getValue() {
            return value == null ? new byte[0] : value;
        }

        @Override
        public String getStringValue() {
            return new String(getValue(), StandardCharsets.UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public boolean isDeleted() {
            return value == null;
        }
    }

    /**
     * Gives every test identity {@value #FUNDS} credits, as governance mints would have, so that priced submissions
     * can hold their escrow; the supply matches, so an audit of the fake ledger balances.
     */
    private void fundedSigners() {
        final List<Signer> signers = List.of(
                Signer.SUBMITTER, Signer.SAME_ORG_CLIENT, Signer.OTHER_ORG_CLIENT, Signer.ORG_ADMIN, Signer.WORKER);
        for (Signer funded : signers) {
            state.put(
                    CreditLedger.accountKey(funded.msp(), funded.id()),
                    PovmJson.writeBytes(
                            new CreditAccount(funded.msp(), funded.id(), FUNDS, "2026-11-01T00:00:00.000Z", "mint")));
        }
        state.put(
                CreditLedger.supplyKey(),
                PovmJson.writeBytes(new CreditSupply(FUNDS * signers.size(), signers.size(), null, null)));
    }

    /**
     * Puts the ACTIVE SLA {@code standard@1} (io.povm.api.Slas.spec()) into the world state, as governance would have,
     * so that job submissions referencing it are admitted. Written to the map directly: it is not one of the calls a
     * test verifies.
     */
    private void activeSla() {
        final SlaSpec spec = Slas.spec();
        final Sla sla = new Sla(
                spec,
                SlaState.ACTIVE,
                new Submitter("Org1MSP", "x509::CN=Admin@org1::CN=ca.org1"),
                "2026-11-01T00:00:00.000Z",
                "tx-propose",
                "2026-11-01T00:01:00.000Z",
                null);
        state.put(SlaLedger.key(spec.ref()), PovmJson.writeBytes(sla));
    }
}
