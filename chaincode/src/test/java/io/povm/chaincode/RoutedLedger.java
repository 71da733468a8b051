// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.povm.api.PovmJson;
import io.povm.api.WorkerValidator;
import io.povm.api.Workers;
import io.povm.chaincode.worker.FabricId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} as the shim hands one to the chaincode, for calls through {@link PovmChaincode} and the
 * shim's real {@link ContractRouter}: the call's arguments as bytes, the creator as a serialized identity with a real
 * certificate (so the shim builds the Context and ClientIdentity itself), and an in-memory world state. Reads see the
 * committed state only; a call's writes and event are recorded, never applied, so every call starts from the same
 * state ({@link #reset}). The mock records no invocations, so that many thousands of calls stay cheap.
 */
final class RoutedLedger {
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00.123456789Z");

    /** An identity that signs calls: its MSP and certificate. */
    record Identity(String role, String msp, String certificatePem, String id, byte[] creator) {
        Identity(final String role, final String msp, final String certificatePem) {
            this(
                    role,
                    msp,
                    certificatePem,
                    FabricId.of(WorkerValidator.parseCertificate(certificatePem, "test")),
                    SerializedIdentity.newBuilder()
                            .setMspid(msp)
                            .setIdBytes(com.google.protobuf.ByteString.copyFromUtf8(certificatePem))
                            .build()
                            .toByteArray());
        }

        @Override
        public String toString() {
            return role;
        }
    }

    /** A client (customer) of the member org Org1. */
    static final Identity CUSTOMER = new Identity("customer", "Org1MSP", Workers.ORG1_USER1_CERT);
    /** The admin of the member org Org1. */
    static final Identity ORG_ADMIN = new Identity("org admin", "Org1MSP", Workers.ORG1_ADMIN_CERT);
    /** A client of an MSP that is not a member of the network. */
    static final Identity NON_MEMBER = new Identity("non-member", "Org9MSP", Workers.ORG2_USER1_CERT);

    final ChaincodeStub stub = mock(ChaincodeStub.class, withSettings().stubOnly());
    private NavigableMap<String, byte[]> state = new TreeMap<>();
    private final Map<String, byte[]> writes = new LinkedHashMap<>();
    private final List<String> events = new ArrayList<>();
    private List<byte[]> args = List.of();
    private byte[] creator = CUSTOMER.creator();
    private int transactions;

    RoutedLedger() {
        when(stub.getTxId()).thenAnswer(call -> "tx-" + transactions);
        when(stub.getChannelId()).thenReturn("povm");
        when(stub.getTxTimestamp()).thenReturn(NOW);
        when(stub.getCreator()).thenAnswer(call -> creator);
        when(stub.getArgs()).thenAnswer(call -> args);
        when(stub.getStringArgs()).thenAnswer(call -> strings(0));
        when(stub.getFunction())
                .thenAnswer(call -> args.isEmpty() ? null : strings(0).get(0));
        when(stub.getParameters()).thenAnswer(call -> args.isEmpty() ? List.of() : strings(1));
        when(stub.getState(anyString())).thenAnswer(call -> state.get(call.<String>getArgument(0)));
        doAnswer(call -> writes.put(
                        call.getArgument(0), call.<byte[]>getArgument(1).clone()))
                .when(stub)
                .putState(anyString(), any());
        doAnswer(call -> writes.put(call.getArgument(0), null)).when(stub).delState(anyString());
        doAnswer(call -> events.add(call.getArgument(0))).when(stub).setEvent(anyString(), any());
        when(stub.getStateByPartialCompositeKey(any(CompositeKey.class))).thenAnswer(call -> all(call.getArgument(0)));
        when(stub.getStateByPartialCompositeKeyWithPagination(any(CompositeKey.class), anyInt(), anyString()))
                .thenAnswer(call -> page(call.getArgument(0), call.getArgument(1), call.getArgument(2)));
        when(stub.getHistoryForKey(anyString())).thenAnswer(call -> history(call.getArgument(0)));
    }

    /** @return the shim's router over the contracts on the class path, ready to dispatch as in the peer */
    static Chaincode shimRouter() {
        final ContractRouter router = new ContractRouter(new String[] {"--id", "povm:test"});
        try {
            router.startRouterWithChaincodeServer(new ChaincodeServer() {
                @Override
                public void start() {}

                @Override
                public void stop() {}
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        quiet(Level.WARNING);
        return router;
    }

    /**
     * Sets the level of the shim's loggers: the router logs every call with its arguments at INFO, and every error
     * response with its stack trace at SEVERE, far too much for thousands of calls.
     */
    static void quiet(final Level level) {
        for (String name : List.of(
                "org.hyperledger",
                "org.hyperledger.fabric",
                "org.hyperledger.fabric.shim",
                "org.hyperledger.fabric.contract")) {
            Logger.getLogger(name).setLevel(level);
        }
        java.util.Collections.list(java.util.logging.LogManager.getLogManager().getLoggerNames()).stream()
                .filter(name -> name.startsWith("org.hyperledger"))
                .forEach(name -> Logger.getLogger(name).setLevel(level));
    }

    /** Puts a value on the committed state, as an earlier transaction would have. */
    void put(final String key, final Object value) {
        state.put(key, value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : PovmJson.writeBytes(value));
    }

    /** @return a copy of the committed state */
    NavigableMap<String, byte[]> snapshot() {
        return new TreeMap<>(state);
    }

    /** Makes this the committed state and forgets the last call's writes and events. */
    void reset(final NavigableMap<String, byte[]> committed) {
        state = new TreeMap<>(committed);
        writes.clear();
        events.clear();
    }

    /** Starts the next call: signed by {@code identity}, with the function name and arguments given as bytes. */
    ChaincodeStub call(final Identity identity, final List<byte[]> functionAndArgs) {
        transactions++;
        writes.clear();
        events.clear();
        creator = identity.creator();
        args = List.copyOf(functionAndArgs);
        return stub;
    }

    /** Starts the next call with texts, encoded in UTF-8 as a client encodes them. */
    ChaincodeStub call(final Identity identity, final String function, final String... arguments) {
        final List<byte[]> bytes = new ArrayList<>();
        bytes.add(function.getBytes(StandardCharsets.UTF_8));
        for (String argument : arguments) {
            bytes.add(argument.getBytes(StandardCharsets.UTF_8));
        }
        return call(identity, bytes);
    }

    /** @return the keys the last call wrote or deleted */
    List<String> writtenKeys() {
        return List.copyOf(writes.keySet());
    }

    /** @return the names of the events the last call set */
    List<String> events() {
        return List.copyOf(events);
    }

    private List<String> strings(final int from) {
        final List<String> strings = new ArrayList<>();
        for (int i = from; i < args.size(); i++) {
            strings.add(new String(args.get(i), StandardCharsets.UTF_8));
        }
        return strings;
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
            public void close() {}
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
            public void close() {}
        };
    }

    private QueryResultsIterator<KeyModification> history(final String key) {
        final List<KeyModification> versions = new ArrayList<>();
        final byte[] value = state.get(key);
        if (value != null) {
            versions.add(new Modification("tx-0", NOW.minusSeconds(3600), value));
        }
        return new QueryResultsIterator<>() {
            @Override
            public Iterator<KeyModification> iterator() {
                return versions.iterator();
            }

            @Override
            public void close() {}
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
            return value;
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public boolean isDeleted() {
            return false;
        }
    }
}
