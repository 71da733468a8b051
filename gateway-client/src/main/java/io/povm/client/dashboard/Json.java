// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.api.PovmJson;

/**
 * The dashboard's JSON: ledger values (jobs, workers, attestations) in the exact form {@link PovmJson} gives them,
 * wrapped in plain objects and arrays built here.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** @return a ledger value as the client library writes it */
    static JsonNode tree(final Object ledgerValue) {
        return parse(PovmJson.write(ledgerValue));
    }

    /**
     * @return the JSON text as a tree
     * @throws BadRequestException when it is not JSON
     */
    static JsonNode parse(final String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the request body is not JSON: " + e.getOriginalMessage());
        }
    }

    static String write(final JsonNode node) {
        return node.toString();
    }
}
