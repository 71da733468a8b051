// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.client.UserDocuments;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * A job file of {@code job submit -f}: the spec as JSON or YAML (the same fields either way), where {@code id}, {@code
 * sla}, {@code redundancy} and {@code deadline} may be left out for their defaults and {@code deadline} may also be a
 * duration from now ({@code 2h}). Turns it into the spec's JSON, which the chaincode's own rules then read.
 */
final class JobFile {
    private JobFile() {}

    /**
     * @param name the file's name, for messages ({@code -} for stdin)
     * @throws IllegalArgumentException when the text is neither a JSON nor a YAML object, holds a key twice, or a
     *     duration is malformed
     */
    static String toSpecJson(
            final String name,
            final String text,
            final Supplier<String> newId,
            final String defaultSla,
            final String defaultDeadline,
            final Clock clock) {
        final ObjectNode spec = read(name, text);
        if (!spec.hasNonNull("id")) {
            spec.put("id", newId.get());
        }
        if (!spec.hasNonNull("sla")) {
            spec.put("sla", defaultSla);
        }
        if (!spec.hasNonNull("redundancy")) {
            spec.putObject("redundancy").put("mode", "k-vote").put("replicas", 1);
        }
        final JsonNode deadline = spec.get("deadline");
        if (deadline == null || deadline.isNull()) {
            spec.put("deadline", SpecOptions.deadline(defaultDeadline, clock));
        } else if (deadline.isTextual()) {
            try {
                spec.put("deadline", SpecOptions.deadline(deadline.asText(), "deadline", clock));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("job file " + name + ": " + e.getMessage(), e);
            }
        }
        return spec.toString();
    }

    private static ObjectNode read(final String name, final String text) {
        final boolean yaml =
                name.endsWith(".yaml") || name.endsWith(".yml") || !text.strip().startsWith("{");
        final JsonNode tree;
        try {
            tree = UserDocuments.read(text, yaml ? UserDocuments.Format.YAML : UserDocuments.Format.JSON);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "job file " + name + " is not valid " + (yaml ? "YAML" : "JSON") + ": " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException(
                    "job file " + name + " must hold one object with the spec's fields (see povm job submit --help)");
        }
        return (ObjectNode) tree;
    }
}
