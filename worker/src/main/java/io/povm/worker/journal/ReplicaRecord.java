// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the journal knows about one replica: its latest stage and, once there, its result, tx id or reason. */
public final class ReplicaRecord {
    private final ReplicaId id;
    private final ReplicaStage stage;
    private final Instant since;
    private final Instant updatedAt;
    private final Optional<JsonNode> result;
    private final Optional<String> txId;
    private final Optional<String> reason;

    private ReplicaRecord(
            final ReplicaId id,
            final ReplicaStage stage,
            final Instant since,
            final Instant updatedAt,
            final Optional<JsonNode> result,
            final Optional<String> txId,
            final Optional<String> reason) {
        this.id = id;
        this.stage = stage;
        this.since = since;
        this.updatedAt = updatedAt;
        this.result = result;
        this.txId = txId;
        this.reason = reason;
    }

    /** @return the record of a replica whose first known entry is this one */
    static ReplicaRecord first(final JournalEntry e) {
        return new ReplicaRecord(e.replica(), e.stage(), e.at(), e.at(), e.result(), e.txId(), e.reason());
    }

    /** @return the record after the entry; the result stays once journaled */
    ReplicaRecord then(final JournalEntry e) {
        return new ReplicaRecord(id, e.stage(), since, e.at(), e.result().or(() -> result), e.txId(), e.reason());
    }

    public ReplicaId id() {
        return id;
    }

    public ReplicaStage stage() {
        return stage;
    }

    /** @return when the journal first saw the replica (after compaction: when its kept entry was written) */
    public Instant since() {
        return since;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return the result payload, from {@link ReplicaStage#RESULT_READY} on */
    public Optional<String> resultJson() {
        return result.map(JsonNode::toString);
    }

    Optional<JsonNode> result() {
        return result;
    }

    /** @return the transaction id of the confirmed report, in {@link ReplicaStage#REPORTED} (old journals) */
    public Optional<String> txId() {
        return txId;
    }

    /** @return why the replica was released or abandoned, or how it was committed or revealed */
    public Optional<String> reason() {
        return reason;
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof ReplicaRecord)) {
            return false;
        }
        final ReplicaRecord r = (ReplicaRecord) o;
        return id.equals(r.id)
                && stage == r.stage
                && since.equals(r.since)
                && updatedAt.equals(r.updatedAt)
                && result.equals(r.result)
                && txId.equals(r.txId)
                && reason.equals(r.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, stage, since, updatedAt, result, txId, reason);
    }

    @Override
    public String toString() {
        return id + " " + stage + txId.map(t -> " tx " + t).orElse("")
                + reason.map(r -> " (" + r + ")").orElse("");
    }
}
