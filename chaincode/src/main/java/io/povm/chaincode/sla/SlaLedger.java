// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.sla;

import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Sla;
import io.povm.api.SlaEvent;
import io.povm.api.SlaPage;
import io.povm.api.SlaRef;
import io.povm.api.SlaState;
import io.povm.api.SlaTransactions;
import io.povm.api.SlaVote;
import io.povm.chaincode.job.PageBookmark;
import io.povm.chaincode.org.MemberLedger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * SLAs on the world state, and the read API other chaincode code uses (job submission checks that its SLA is
 * ACTIVE with {@link #requireActive(String)}).
 *
 * <p>Keys, each its own composite key so that no transaction rewrites a shared one (the version is zero-padded to six
 * digits so that keys sort by version as a number):
 *
 * <ul>
 *   <li>{@code ("sla", name, version)}: the {@link Sla};
 *   <li>{@code ("sla-state", STATE, name, version)}: the state index, value {@code name@version}; exactly one entry
 *       per SLA, moved on each transition, so listing by state reads only that state's SLAs;
 *   <li>{@code ("sla-approval", name, version, msp)} and {@code ("sla-deprecation", name, version, msp)}: one
 *       {@link SlaVote} per org, so different orgs' votes never write the same key.
 * </ul>
 */
public final class SlaLedger {
    static final String OBJECT_TYPE = "sla";
    static final String STATE_INDEX = "sla-state";

    private final ChaincodeStub stub;

    public SlaLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    /** @return the world-state key of an SLA */
    public static String key(final SlaRef ref) {
        return new CompositeKey(OBJECT_TYPE, ref.name(), paddedVersion(ref)).toString();
    }

    static String stateKey(final SlaState state, final SlaRef ref) {
        return new CompositeKey(STATE_INDEX, state.name(), ref.name(), paddedVersion(ref)).toString();
    }

    static String voteKey(final VoteKind kind, final SlaRef ref, final String msp) {
        return new CompositeKey(kind.objectType(), ref.name(), paddedVersion(ref), msp).toString();
    }

    private static String paddedVersion(final SlaRef ref) {
        return String.format(Locale.ROOT, "%06d", ref.version());
    }

    /** @return the SLA {@code name@version}, or empty when there is none */
    public Optional<Sla> find(final String name, final int version) {
        return find(SlaRef.of(name, version));
    }

    /** @return the SLA, or empty when there is none */
    public Optional<Sla> find(final SlaRef ref) {
        final String key = key(ref);
        final byte[] value = stub.getState(key);
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(decode(key, value, Sla.class));
    }

    /**
     * The check a worker offer makes: every SLA it lists exists, in any state (an org may offer a PROPOSED SLA ahead
     * of its activation; jobs reach a worker only under ACTIVE ones).
     *
     * @param field the list's field, e.g. {@code offer.slas}
     * @throws PovmException NOT_FOUND [field[i]] naming the first SLA that does not exist
     */
    public void requireExisting(final List<String> slaRefs, final String field) {
        for (int i = 0; i < slaRefs.size(); i++) {
            final SlaRef ref = SlaRef.parse(slaRefs.get(i), field + "[" + i + "]");
            if (find(ref).isEmpty()) {
                throw PovmException.notFound(
                        field + "[" + i + "]",
                        "SLA " + ref + " does not exist; an offer lists only SLAs that exist (see "
                                + SlaTransactions.LIST + ")");
            }
        }
    }

    /**
     * The check a job submission makes: its SLA reference names an ACTIVE SLA.
     *
     * @param slaRef the job's {@code sla} field, {@code name@version}
     * @return the ACTIVE SLA
     * @throws PovmException INVALID_ARGUMENT [sla] for a malformed reference; NOT_FOUND [sla] when there is no such
     *     SLA; INVALID_STATE [sla] when it is PROPOSED or DEPRECATED, e.g. {@code SLA standard@1 is PROPOSED (1 of 2
     *     approvals); a job may reference only an ACTIVE SLA}
     */
    public Sla requireActive(final String slaRef) {
        final SlaRef ref = SlaRef.parse(slaRef, "sla");
        final Sla sla = find(ref)
                .orElseThrow(() -> PovmException.notFound(
                        "sla", "SLA " + ref + " does not exist; a job may reference only an ACTIVE SLA"));
        switch (sla.state()) {
            case ACTIVE:
                return sla;
            case PROPOSED:
                throw notActive(ref, "is PROPOSED (" + approvalsSoFar(ref) + " approvals)");
            case DEPRECATED:
            default:
                throw notActive(
                        ref, "is DEPRECATED (since " + sla.deprecatedAt().orElse("?") + ")");
        }
    }

    private static PovmException notActive(final SlaRef ref, final String state) {
        return new PovmException(new PovmError(
                ErrorCode.INVALID_STATE,
                "sla",
                "SLA " + ref + " " + state + "; a job may reference only an ACTIVE SLA"));
    }

    private String approvalsSoFar(final SlaRef ref) {
        final Optional<Members> members = new MemberLedger(stub).find();
        if (members.isEmpty()) {
            return "no member orgs yet to approve it";
        }
        return voters(VoteKind.APPROVAL, ref, members.get()).size() + " of "
                + members.get().threshold();
    }

    /** Writes a new SLA and its state index entry. */
    void create(final Sla sla) {
        stub.putState(key(sla.ref()), PovmJson.writeBytes(sla));
        stub.putState(stateKey(sla.state(), sla.ref()), indexValue(sla.ref()));
    }

    /** Writes an SLA whose state changed and moves its state index entry. */
    void transition(final SlaState from, final Sla to) {
        stub.putState(key(to.ref()), PovmJson.writeBytes(to));
        stub.delState(stateKey(from, to.ref()));
        stub.putState(stateKey(to.state(), to.ref()), indexValue(to.ref()));
    }

    private static byte[] indexValue(final SlaRef ref) {
        return ref.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the votes of each member org, one key each: bounded by the member count and without a range read.
     *
     * @return the MSP ids of the member orgs that cast this kind of vote
     */
    Set<String> voters(final VoteKind kind, final SlaRef ref, final Members members) {
        final Set<String> voted = new TreeSet<>();
        for (String msp : members.msps()) {
            final byte[] value = stub.getState(voteKey(kind, ref, msp));
            if (value != null && value.length > 0) {
                voted.add(msp);
            }
        }
        return voted;
    }

    void putVote(final VoteKind kind, final SlaRef ref, final SlaVote vote) {
        stub.putState(voteKey(kind, ref, vote.msp()), PovmJson.writeBytes(vote));
    }

    /**
     * Reads every stored vote of one kind on an SLA, in MSP id order. Bounded by the number of orgs (at most one
     * vote per org); for evaluate transactions.
     */
    List<SlaVote> votes(final VoteKind kind, final SlaRef ref) {
        final List<SlaVote> votes = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(
                new CompositeKey(kind.objectType(), ref.name(), paddedVersion(ref)))) {
            for (KeyValue entry : results) {
                votes.add(decode(entry.getKey(), entry.getValue(), SlaVote.class));
            }
        }
        return votes;
    }

    void emit(final String eventName, final SlaEvent event) {
        stub.setEvent(eventName, PovmJson.writeBytes(event));
    }

    /**
     * Reads one page of SLAs in name and version order: every SLA, or only those in one state (through the state
     * index). Only for evaluate transactions: Fabric refuses paginated queries in submitted ones.
     *
     * @param state the state to list; empty for every SLA
     * @param bookmark the bookmark of the previous page of the same listing ({@link PageBookmark}); empty for the
     *     first page
     */
    SlaPage page(final Optional<SlaState> state, final int pageSize, final String bookmark) {
        final CompositeKey partial =
                state.map(s -> new CompositeKey(STATE_INDEX, s.name())).orElseGet(() -> new CompositeKey(OBJECT_TYPE));
        final List<Sla> slas = new ArrayList<>();
        final String next;
        try (QueryResultsIteratorWithMetadata<KeyValue> results = stub.getStateByPartialCompositeKeyWithPagination(
                partial, pageSize, PageBookmark.decode(bookmark, partial))) {
            for (KeyValue entry : results) {
                slas.add(state.isPresent() ? indexed(entry) : decode(entry.getKey(), entry.getValue(), Sla.class));
            }
            final QueryResponseMetadata metadata = results.getMetadata();
            next = metadata == null ? "" : metadata.getBookmark();
        }
        return new SlaPage(slas, slas.size() < pageSize ? "" : PageBookmark.encode(next));
    }

    private Sla indexed(final KeyValue entry) {
        final SlaRef ref = SlaRef.parse(new String(entry.getValue(), StandardCharsets.UTF_8), "index");
        return find(ref)
                .orElseThrow(() -> new IllegalStateException(
                        "state index entry " + printable(entry.getKey()) + " names a missing SLA " + ref));
    }

    private static <T> T decode(final String key, final byte[] value, final Class<T> type) {
        try {
            return PovmJson.read(new String(value, StandardCharsets.UTF_8), type);
        } catch (PovmException e) {
            throw new IllegalStateException(
                    "stored " + type.getSimpleName() + " at key " + printable(key) + " cannot be read: "
                            + e.error().field(),
                    e);
        }
    }

    private static String printable(final String key) {
        return key.replace('\u0000', '/');
    }
}
