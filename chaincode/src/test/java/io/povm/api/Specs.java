package io.povm.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Job specs for tests: the valid example of the docs, and edits of it as JSON trees. */
public final class Specs {
    public static final String DIGEST = "0123456789abcdef".repeat(4);
    public static final String IMAGE = "povm/coinflip@sha256:" + DIGEST;

    /** The valid example spec, in the exact form PovmJson writes it. */
    public static final String VALID_JSON = "{\"id\":\"flip-1\",\"image\":\"" + IMAGE + "\","
            + "\"command\":[\"coinflip\",\"--k\",\"5\"],\"env\":{\"SEED\":\"7\"},\"sla\":\"standard@1\","
            + "\"redundancy\":{\"mode\":\"k-vote\",\"replicas\":3}}";

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

    public static ObjectNode redundancy(final ObjectNode spec) {
        return (ObjectNode) spec.get("redundancy");
    }

    public static ObjectNode env(final ObjectNode spec) {
        return (ObjectNode) spec.get("env");
    }
}
