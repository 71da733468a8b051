// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A mocked {@link ChaincodeStub} backed by a sorted map, like LevelDB's key order. Writes through the stub are
 * recorded by Mockito as usual ({@code verify(ledger.stub, never()).putState(...)}); {@link #given(String, String)}
 * puts state in place without going through the stub, so it never counts as a write of the code under test. Unlike
 * Fabric, a write is visible to later reads at once; the code under test never reads a key after writing it, and the
 * tests read the map after the call.
 */
final class LedgerStub {
    static final String TX_ID = "tx-1";
    static final Instant TX_TIME = Instant.parse("2027-01-02T03:04:05.678901Z");
    static final String TX_TIME_ISO = "2027-01-02T03:04:05.678Z";

    final ChaincodeStub stub = mock(ChaincodeStub.class);
    final TreeMap<String, byte[]> state = new TreeMap<>();
    final List<String> events = new ArrayList<>();
    final Map<String, byte[]> eventPayloads = new TreeMap<>();

    LedgerStub() {
        lenient().when(stub.getTxId()).thenReturn(TX_ID);
        lenient().when(stub.getTxTimestamp()).thenReturn(TX_TIME);
        lenient().when(stub.getState(anyString())).thenAnswer(call -> state.get(call.<String>getArgument(0)));
        lenient()
                .doAnswer(call -> state.put(call.getArgument(0), call.getArgument(1)))
                .when(stub)
                .putState(anyString(), any());
        lenient()
                .doAnswer(call -> state.remove(call.<String>getArgument(0)))
                .when(stub)
                .delState(anyString());
        lenient()
                .doAnswer(call -> {
                    events.add(call.getArgument(0));
                    eventPayloads.put(call.getArgument(0), call.getArgument(1));
                    return null;
                })
                .when(stub)
                .setEvent(anyString(), any());
        lenient()
                .when(stub.getStateByPartialCompositeKey(any(CompositeKey.class)))
                .thenAnswer(call ->
                        results(entriesUnder(call.<CompositeKey>getArgument(0).toString(), "")));
        lenient()
                .when(stub.getStateByPartialCompositeKeyWithPagination(any(CompositeKey.class), anyInt(), anyString()))
                .thenAnswer(call ->
                        page(call.<CompositeKey>getArgument(0).toString(), call.getArgument(1), call.getArgument(2)));
    }

    /** Puts a value in place as committed state, without a stub call. */
    LedgerStub given(final String key, final String value) {
        state.put(key, value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    String text(final String key) {
        final byte[] value = state.get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** @return the keys of one object type, {@code /}-separated for reading */
    List<String> keys(final String objectType) {
        final String prefix = new CompositeKey(objectType).toString();
        return state.keySet().stream()
                .filter(key -> key.startsWith(prefix))
                .map(key -> String.join("/", CompositeKey.parseCompositeKey(key).getAttributes()))
                .collect(Collectors.toList());
    }

    private List<Map.Entry<String, byte[]>> entriesUnder(final String prefix, final String from) {
        final String start = from.compareTo(prefix) > 0 ? from : prefix;
        return state.tailMap(start, true).entrySet().stream()
                .takeWhile(entry -> entry.getKey().startsWith(prefix))
                .collect(Collectors.toList());
    }

    private QueryResultsIteratorWithMetadata<KeyValue> page(final String prefix, final int size, final String from) {
        final List<Map.Entry<String, byte[]>> all = entriesUnder(prefix, from);
        final List<Map.Entry<String, byte[]>> page = all.subList(0, Math.min(size, all.size()));
        final String next = all.size() > size ? all.get(size).getKey() : "";
        final QueryResultsIterator<KeyValue> results = results(page);
        return new QueryResultsIteratorWithMetadata<>() {
            @Override
            public QueryResponseMetadata getMetadata() {
                return QueryResponseMetadata.newBuilder()
                        .setBookmark(next)
                        .setFetchedRecordsCount(page.size())
                        .build();
            }

            @Override
            public void close() {}

            @Override
            public Iterator<KeyValue> iterator() {
                return results.iterator();
            }
        };
    }

    private static QueryResultsIterator<KeyValue> results(final List<Map.Entry<String, byte[]>> entries) {
        final List<KeyValue> values = entries.stream()
                .map(entry -> keyValue(entry.getKey(), entry.getValue()))
                .collect(Collectors.toList());
        return new QueryResultsIterator<>() {
            @Override
            public void close() {}

            @Override
            public Iterator<KeyValue> iterator() {
                return values.iterator();
            }
        };
    }

    private static KeyValue keyValue(final String key, final byte[] value) {
        return new KeyValue() {
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
        };
    }
}
