// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one reader of the JSON and YAML documents a user hands the client as trees (job files, connection profiles).
 * It is strict about keys the way the chaincode's {@code PovmJson} is: a key given twice in one object is refused,
 * naming the key's path and its line and column, where a plain mapper would let the last value silently win. (Files
 * read straight into a povm type, such as SLA, worker and evidence files, go through {@code PovmJson}, which refuses
 * duplicates itself.)
 */
public final class UserDocuments {
    /** The syntax of a document. */
    public enum Format {
        JSON,
        YAML
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    // jackson-dataformat-yaml honours the same feature: its parser keeps the same read context
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String DUPLICATE = "Duplicate field '";

    private UserDocuments() {}

    /**
     * @return the document's tree; {@code null} or a missing node for an empty document
     * @throws IllegalArgumentException when the text is not valid in that format, with a message such as {@code
     *     duplicate key 'env.SEED' (line 5, column 7)}, for the caller to prefix with the file's name
     */
    public static JsonNode read(final String text, final Format format) {
        try {
            return (format == Format.YAML ? YAML : JSON).readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    private static String describe(final JsonProcessingException e) {
        final String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamReadException && message.startsWith(DUPLICATE)) {
            final String key = message.substring(DUPLICATE.length(), message.lastIndexOf('\''));
            return "duplicate key '" + path((StreamReadException) e, key) + "'" + location(e);
        }
        return message.lines().findFirst().orElse("") + location(e);
    }

    /** @return the dotted path of the duplicate key, e.g. {@code env.SEED}; the key alone when none is known */
    private static String path(final StreamReadException e, final String key) {
        if (e.getProcessor() == null) {
            return key;
        }
        final Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext ctx = e.getProcessor().getParsingContext(); ctx != null; ctx = ctx.getParent()) {
            if (ctx.inObject() && ctx.getCurrentName() != null) {
                parts.addFirst("." + ctx.getCurrentName());
            } else if (ctx.inArray() && ctx.getCurrentIndex() >= 0) {
                parts.addFirst("[" + ctx.getCurrentIndex() + "]");
            }
        }
        final String path = String.join("", parts);
        return path.isEmpty() ? key : path.startsWith(".") ? path.substring(1) : path;
    }

    private static String location(final JsonProcessingException e) {
        final JsonLocation where = e.getLocation();
        return where == null || where.getLineNr() < 1
                ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }
}
