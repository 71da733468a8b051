// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the journal: a replica moved to a stage. Written as one JSON object per line, keys in a fixed order:
 *
 * <pre>{@code
 * {"seq":3,"at":"2026-01-01T00:00:00Z","job":"job-1","replica":0,"stage":"RESULT_READY","result":{"commitment":..}}
 * {"seq":4,"at":"2026-01-01T00:00:02Z","job":"job-1","replica":0,"stage":"COMMITTED","reason":"committed"}
 * {"seq":5,"at":"2026-01-01T00:01:02Z","job":"job-1","replica":0,"stage":"REVEALED","reason":"RESULT_REVEALED"}
 * }</pre>
 */
final class JournalEntry {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seq;
    private final Instant at;
    private final ReplicaId replica;
    private final ReplicaStage stage;
    private final Optional<JsonNode> result;
    private final Optional<String> txId;
    private final Optional<String> reason;

    JournalEntry(
            final long seq,
            final Instant at,
            final ReplicaId replica,
            final ReplicaStage stage,
            final Optional<JsonNode> result,
            final Optional<String> txId,
            final Optional<String> reason) {
        this.seq = seq;
        this.at = Objects.requireNonNull(at, "at");
        this.replica = Objects.requireNonNull(replica, "replica");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.result = Objects.requireNonNull(result, "result");
        this.txId = Objects.requireNonNull(txId, "txId");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    long seq() {
        return seq;
    }

    Instant at() {
        return at;
    }

    ReplicaId replica() {
        return replica;
    }

    ReplicaStage stage() {
        return stage;
    }

    Optional<JsonNode> result() {
        return result;
    }

    Optional<String> txId() {
        return txId;
    }

    Optional<String> reason() {
        return reason;
    }

    /** @return the entry as one line of JSON, with its newline */
    String toLine() {
        final ObjectNode node = JSON.createObjectNode()
                .put("seq", seq)
                .put("at", at.toString())
                .put("job", replica.jobId())
                .put("replica", replica.replica())
                .put("stage", stage.name());
        result.ifPresent(r -> node.set("result", r));
        txId.ifPresent(t -> node.put("txId", t));
        reason.ifPresent(r -> node.put("reason", r));
        return node.toString() + "\n";
    }

    /** @throws IllegalArgumentException when the line is not an entry */
    static JournalEntry fromLine(final String line) {
        final JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null
                || !node.isObject()
                || !node.path("seq").canConvertToLong()
                || !node.path("job").isTextual()
                || !node.path("replica").isInt()
                || !node.path("stage").isTextual()
                || !node.path("at").isTextual()) {
            throw new IllegalArgumentException("not a journal entry (needs seq, at, job, replica, stage)");
        }
        return new JournalEntry(
                node.get("seq").asLong(),
                Instant.parse(node.get("at").asText()),
                ReplicaId.of(node.get("job").asText(), node.get("replica").asInt()),
                ReplicaStage.valueOf(node.get("stage").asText()),
                Optional.ofNullable(node.get("result")),
                Optional.ofNullable(node.get("txId")).map(JsonNode::asText),
                Optional.ofNullable(node.get("reason")).map(JsonNode::asText));
    }

    /** @throws JournalException INVALID_RESULT when the payload is not JSON */
    static JsonNode parseResult(final ReplicaId replica, final String json) {
        try {
            final JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new JournalException(JournalException.Code.INVALID_RESULT, "result of " + replica + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new JournalException(
                    JournalException.Code.INVALID_RESULT,
                    "result of " + replica + " is not JSON: " + e.getOriginalMessage(),
                    e);
        }
    }
}
