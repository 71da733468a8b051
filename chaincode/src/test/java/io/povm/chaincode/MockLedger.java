// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.security.auth.x500.X500Principal;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A mocked {@link ChaincodeStub} over an in-memory world state that behaves like Fabric where the contracts rely on
 * it: reads see only committed state (no read-your-writes inside a transaction), writes and the event of a
 * transaction are recorded and applied by {@link #commit()}, and partial composite key queries (paginated or not)
 * run over the committed keys in order. Each {@link #as} starts a new transaction with a new id.
 */
public final class MockLedger {
    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00.123456789Z");
    public static final String NOW_ISO = "2026-11-20T10:00:00.123Z";

    private final ChaincodeStub stub = mock(ChaincodeStub.class);
    private final TreeMap<String, byte[]> committed = new TreeMap<>();
    private final Map<String, Optional<byte[]>> writes = new LinkedHashMap<>();
    private final List<String> eventNames = new ArrayList<>();
    private final List<String> eventPayloads = new ArrayList<>();
    private final List<String> partialQueries = new ArrayList<>();
    private int transactions;
    private int stateWrites;

    public MockLedger() {
        when(stub.getTxId()).thenAnswer(i -> txId());
        when(stub.getTxTimestamp()).thenReturn(NOW);
        when(stub.getChannelId()).thenReturn("povm");
        when(stub.getState(anyString())).thenAnswer(i -> committed.get(i.<String>getArgument(0)));
        doAnswer(i -> {
                    stateWrites++;
                    writes.put(i.getArgument(0), Optional.of(i.<byte[]>getArgument(1)));
                    return null;
                })
                .when(stub)
                .putState(anyString(), any());
        doAnswer(i -> {
                    stateWrites++;
                    writes.put(i.getArgument(0), Optional.empty());
                    return null;
                })
                .when(stub)
                .delState(anyString());
        doAnswer(i -> {
                    eventNames.add(i.getArgument(0));
                    eventPayloads.add(new String(i.<byte[]>getArgument(1), StandardCharsets.UTF_8));
                    return null;
                })
                .when(stub)
                .setEvent(anyString(), any());
        when(stub.getStateByPartialCompositeKey(any(CompositeKey.class)))
                .thenAnswer(i -> plain(matching(i.<CompositeKey>getArgument(0), "", Integer.MAX_VALUE)));
        when(stub.getStateByPartialCompositeKeyWithPagination(any(CompositeKey.class), anyInt(), anyString()))
                .thenAnswer(i -> page(i.getArgument(0), i.getArgument(1), i.getArgument(2)));
    }

    public ChaincodeStub stub() {
        return stub;
    }

    /** @return the id of the current transaction: tx-1, tx-2, ... */
    public String txId() {
        return "tx-" + transactions;
    }

    /** Starts a transaction signed by an identity with this MSP and certificate subject. */
    public Context as(final String msp, final String subject) {
        transactions++;
        writes.clear();
        eventNames.clear();
        eventPayloads.clear();
        stateWrites = 0;
        final Context ctx = mock(Context.class);
        final ClientIdentity identity = mock(ClientIdentity.class);
        final X509Certificate certificate = mock(X509Certificate.class);
        when(ctx.getStub()).thenReturn(stub);
        when(ctx.getClientIdentity()).thenReturn(identity);
        when(identity.getMSPID()).thenReturn(msp);
        when(identity.getId()).thenReturn(Identities.idOf(subject));
        when(identity.getX509Certificate()).thenReturn(certificate);
        when(certificate.getSubjectX500Principal()).thenReturn(new X500Principal(subject));
        when(certificate.getIssuerX500Principal()).thenReturn(new X500Principal(issuerOf(subject)));
        return ctx;
    }

    /** @return the DN of the CA that cryptogen names for the subject's domain, e.g. CN=ca.org2.povm.test, ... */
    private static String issuerOf(final String subject) {
        final int at = subject.indexOf('@');
        final int end = subject.indexOf(',');
        if (at < 0 || end < at) {
            return "CN=ca";
        }
        final String domain = subject.substring(at + 1, end);
        return "CN=ca." + domain + ", O=" + domain + ", L=San Francisco, ST=California, C=US";
    }

    /** Applies the current transaction's writes, as a valid transaction's commit would. */
    public void commit() {
        writes.forEach((key, value) -> {
            if (value.isPresent()) {
                committed.put(key, value.get());
            } else {
                committed.remove(key);
            }
        });
        writes.clear();
    }

    /** Stores a value directly, as if an earlier transaction had committed it. */
    public void put(final String key, final String json) {
        committed.put(key, json.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the committed value of a key */
    public Optional<String> get(final String key) {
        return Optional.ofNullable(committed.get(key)).map(v -> new String(v, StandardCharsets.UTF_8));
    }

    /** @return the committed keys, in order, with U+0000 shown as '/' */
    public List<String> keys() {
        final List<String> keys = new ArrayList<>();
        committed.keySet().forEach(k -> keys.add(k.replace('\u0000', '/')));
        return keys;
    }

    /** @return the current transaction's writes (null value: deleted), keys with U+0000 shown as '/' */
    public Map<String, String> writes() {
        final Map<String, String> shown = new LinkedHashMap<>();
        writes.forEach((k, v) -> shown.put(
                k.replace('\u0000', '/'),
                v.map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null)));
        return shown;
    }

    /** @return how many putState and delState calls the current transaction made */
    public int stateWrites() {
        return stateWrites;
    }

    /** @return the names of the events the current transaction set, in order */
    public List<String> eventNames() {
        return List.copyOf(eventNames);
    }

    /** @return the payload of the current transaction's only event */
    public String eventPayload() {
        if (eventPayloads.size() != 1) {
            throw new AssertionError("expected exactly one event, got " + eventNames);
        }
        return eventPayloads.get(0);
    }

    /** @return the partial composite keys queried so far, with U+0000 shown as '/' */
    public List<String> partialQueries() {
        return List.copyOf(partialQueries);
    }

    private List<KeyValue> matching(final CompositeKey partial, final String from, final int limit) {
        final String prefix = partial.toString();
        partialQueries.add(prefix.replace('\u0000', '/'));
        final List<KeyValue> found = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry :
                committed.tailMap(from.isEmpty() ? prefix : from, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix) || found.size() > limit) {
                break;
            }
            found.add(new Entry(entry.getKey(), entry.getValue()));
        }
        return found;
    }

    private QueryResultsIteratorWithMetadata<KeyValue> page(
            final CompositeKey partial, final int pageSize, final String bookmark) {
        final List<KeyValue> found = matching(partial, bookmark, pageSize);
        final String next = found.size() > pageSize ? found.get(pageSize).getKey() : "";
        return iterator(found.subList(0, Math.min(pageSize, found.size())), next);
    }

    private static QueryResultsIteratorWithMetadata<KeyValue> iterator(
            final List<KeyValue> entries, final String next) {
        return new QueryResultsIteratorWithMetadata<>() {
            @Override
            public QueryResponseMetadata getMetadata() {
                return QueryResponseMetadata.newBuilder()
                        .setBookmark(next)
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

    private static QueryResultsIterator<KeyValue> plain(final List<KeyValue> entries) {
        return new QueryResultsIterator<>() {
            @Override
            public Iterator<KeyValue> iterator() {
                return entries.iterator();
            }

            @Override
            public void close() {}
        };
    }

    private static final class Entry implements KeyValue {
        private final String key;
        private final byte[] value;

        private Entry(final String key, final byte[] value) {
            this.key = key;
            this.value = value;
        }

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
}
