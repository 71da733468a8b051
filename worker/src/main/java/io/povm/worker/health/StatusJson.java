// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.worker.journal.ReplicaId;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of {@code /healthz}, keys in a fixed order:
 *
 * <pre>{@code
 * {"status":"UP","worker":"Org1MSP/w1","slots":{"used":1,"total":2},
 *  "running":[{"job":"job-1a2b","replica":0,"since":"2026-01-01T00:00:00Z"}],
 *  "lastEventBlock":42,"lastHeartbeat":"2026-01-01T00:00:30Z","faultyMode":"none"}
 * }</pre>
 *
 * {@code faultyMode} is {@code none} but for a worker that misbehaves on purpose in a test (docs/workers.md).
 *
 * {@code lastEventBlock} and {@code lastHeartbeat} are {@code null} until the first event or heartbeat.
 */
public final class StatusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusJson() {}

    public static String write(final WorkerStatus status) {
        final ObjectNode root =
                JSON.createObjectNode().put("status", status.state().name()).put("worker", status.workerKey());
        root.putObject("slots").put("used", status.slotsUsed()).put("total", status.slotsTotal());
        final ArrayNode running = root.putArray("running");
        for (RunningReplica r : status.running()) {
            running.addObject()
                    .put("job", r.id().jobId())
                    .put("replica", r.id().replica())
                    .put("since", r.since().toString());
        }
        root.put("lastEventBlock", status.lastEventBlock().orElse(null));
        root.put("lastHeartbeat", status.lastHeartbeat().map(Instant::toString).orElse(null));
        root.put("faultyMode", status.faultyMode());
        return root.toString();
    }

    /** @throws IllegalArgumentException naming what is missing when the text is not a status */
    public static WorkerStatus read(final String text) {
        final JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return new WorkerStatus(
                    DaemonState.valueOf(required(root, "status").asText()),
                    required(root, "worker").asText(),
                    required(required(root, "slots"), "total").asInt(),
                    running(required(root, "running")),
                    optional(root, "lastEventBlock").map(JsonNode::asLong),
                    optional(root, "lastHeartbeat").map(n -> Instant.parse(n.asText())),
                    optional(root, "faultyMode").map(JsonNode::asText).orElse(WorkerStatus.HONEST));
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a worker status: " + e.getMessage(), e);
        }
    }

    private static List<RunningReplica> running(final JsonNode array) {
        final List<RunningReplica> running = new ArrayList<>();
        for (JsonNode r : array) {
            running.add(new RunningReplica(
                    ReplicaId.of(
                            required(r, "job").asText(), required(r, "replica").asInt()),
                    Instant.parse(required(r, "since").asText())));
        }
        return running;
    }

    private static JsonNode required(final JsonNode node, final String field) {
        return optional(node, field).orElseThrow(() -> new IllegalArgumentException("no " + field));
    }

    private static Optional<JsonNode> optional(final JsonNode node, final String field) {
        return Optional.ofNullable(node == null ? null : node.get(field)).filter(n -> !n.isNull());
    }
}
