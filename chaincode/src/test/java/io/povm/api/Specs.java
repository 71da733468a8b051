// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Job specs for tests: the valid example of the docs, and edits of it as JSON trees. */
public final class Specs {
    public static final String DIGEST = "0123456789abcdef".repeat(4);
    public static final String IMAGE = "povm/coinflip@sha256:" + DIGEST;

    /** The example's deadline: one hour after {@link #SUBMITTED_AT}. */
    public static final String DEADLINE = "2026-11-20T11:00:00Z";

    /** The transaction timestamp tests submit the example at. */
    public static final Instant SUBMITTED_AT = Instant.parse("2026-11-20T10:00:00.123456789Z");

    /** The valid example spec, in the exact form PovmJson writes it. */
    public static final String VALID_JSON = "{\"id\":\"flip-1\",\"image\":\"" + IMAGE + "\","
            + "\"command\":[\"coinflip\",\"--k\",\"5\"],\"env\":{\"SEED\":\"7\"},\"inputs\":[],"
            + "\"sla\":\"standard@1\",\"redundancy\":{\"mode\":\"k-vote\",\"replicas\":3},"
            + "\"deadline\":\"" + DEADLINE + "\"}";

    private static final ObjectMapper TREES = new ObjectMapper();

    private Specs() {}

    public static ObjectNode validTree() {
        try {
            return (ObjectNode) TREES.readTree(VALID_JSON);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the valid spec's JSON after an edit */
    public static String edited(final Consumer<ObjectNode> edit) {
        final ObjectNode tree = validTree();
        edit.accept(tree);
        return tree.toString();
    }

    /** @return the valid example as a builder, to change some fields */
    public static JobSpec.Builder builder() {
        return JobSpec.builder("flip-1")
                .image(IMAGE)
                .command(List.of("coinflip", "--k", "5"))
                .env(Map.of("SEED", "7"))
                .sla("standard@1")
                .redundancy(Redundancy.kVote(3))
                .deadline(DEADLINE);
    }

    public static ObjectNode redundancy(final ObjectNode spec) {
        return (ObjectNode) spec.get("redundancy");
    }

    public static ObjectNode env(final ObjectNode spec) {
        return (ObjectNode) spec.get("env");
    }

    /** @return the spec's inputs array */
    public static ArrayNode inputs(final ObjectNode spec) {
        return (ArrayNode) spec.get("inputs");
    }

    /** @return the spec's iterative redundancy {margin 2, minReplicas 2, cap 7}, to edit */
    public static ObjectNode iterative(final ObjectNode spec) {
        final ObjectNode redundancy = spec.putObject("redundancy");
        redundancy
                .put("mode", "iterative")
                .put("margin", 2)
                .put("minReplicas", 2)
                .put("cap", 7);
        return redundancy;
    }
}
