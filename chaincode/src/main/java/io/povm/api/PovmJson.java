// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one JSON configuration of povm, used for ledger state, events, responses and client input alike.
 *
 * <p>Output is deterministic: properties in each class's {@link JsonPropertyOrder}, map entries sorted by key, no
 * nulls, no whitespace, no floating point. Input is strict: unknown fields, duplicate keys, trailing content,
 * numbers in quotes, numbers or booleans where text belongs and fractions are all rejected, and so is any string that
 * could not be stored exactly ({@link KeyText#unstorable(String)}: a lone surrogate, or U+FFFD where the shim decoded
 * invalid UTF-8), so that what is stored is what was sent and an identical resubmission matches it. Every read error becomes a {@link PovmException} with code
 * {@link ErrorCode#INVALID_ARGUMENT} that names the JSON path of the bad field, e.g. {@code redundancy.replicas} or
 * {@code command[2]}; an error of the whole text, including a JSON syntax error, is reported under the type's {@code @JsonRootName} (e.g.
 * {@code spec}).
 */
public final class PovmJson {
    private static final int MAX_DETAIL_CHARS = 160;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                    LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(
                    MapperFeature.AUTO_DETECT_FIELDS,
                    MapperFeature.AUTO_DETECT_GETTERS,
                    MapperFeature.AUTO_DETECT_IS_GETTERS,
                    MapperFeature.AUTO_DETECT_SETTERS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .addModule(new SimpleModule("povm-exact-text").addDeserializer(String.class, new ExactText()))
            .build();

    private PovmJson() {}

    /** @return the compact, deterministic JSON text of a povm value */
    public static String write(final Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @return {@link #write(Object)} as UTF-8 bytes */
    public static byte[] writeBytes(final Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a povm value strictly.
     *
     * @throws PovmException INVALID_ARGUMENT naming the bad field
     */
    public static <T> T read(final String json, final Class<T> type) {
        final String root = rootName(type);
        if (json == null || json.isBlank()) {
            throw PovmException.invalid(root, "required; a JSON object");
        }
        final T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw translate(e, root);
        }
        if (value == null) {
            throw PovmException.invalid(root, "must be a JSON object, not null");
        }
        return value;
    }

    /**
     * Reads a JSON array of povm values strictly, e.g. the specs of {@code SubmitJobs}.
     *
     * @param root the argument's name: errors name {@code root} for the whole text and {@code root[i].field} inside
     * @throws PovmException INVALID_ARGUMENT naming the bad element or field
     */
    public static <T> List<T> readList(final String json, final Class<T> type, final String root) {
        if (json == null || json.isBlank()) {
            throw PovmException.invalid(root, "required; a JSON array");
        }
        final List<T> values;
        try {
            values = MAPPER.readValue(json, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
        } catch (JsonProcessingException e) {
            final PovmError error = translate(e, root).error();
            final String field = elementField(e, error.field(), root);
            final String reason = field.equals(root) && e instanceof MismatchedInputException
                    ? "must be a JSON array of objects"
                    : error.reason();
            throw new PovmException(new PovmError(error.code(), field, reason), e);
        }
        if (values == null) {
            throw PovmException.invalid(root, "must be a JSON array, not null");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw PovmException.invalid(root + "[" + i + "]", "must be a JSON object, not null");
            }
        }
        return values;
    }

    /** @return the field of an error inside an array's element, {@code root[i].field} */
    private static String elementField(final JsonProcessingException e, final String field, final String root) {
        if (field.startsWith("[")) {
            return root + field;
        }
        if (e instanceof JsonMappingException
                && !((JsonMappingException) e).getPath().isEmpty()) {
            final int index = ((JsonMappingException) e).getPath().get(0).getIndex();
            if (index >= 0 && !field.equals(root)) {
                return root + "[" + index + "]." + field;
            }
        }
        return field;
    }

    /** @return the name under which errors of the whole text of this type are reported */
    static String rootName(final Class<?> type) {
        final String name = MAPPER.getSerializationConfig().findRootName(type).getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static PovmException translate(final JsonProcessingException e, final String root) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PovmException) {
                return (PovmException) cause;
            }
        }
        if (e instanceof UnstorableText) {
            return invalid(e, pathOf((UnstorableText) e, root), e.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException) {
            final UnrecognizedPropertyException unknown = (UnrecognizedPropertyException) e;
            return invalid(e, pathOf(unknown, root), "unknown field; accepted: " + accepted(unknown));
        }
        final StreamReadException syntax = streamCause(e);
        if (syntax instanceof InputCoercionException) {
            final String field =
                    e instanceof JsonMappingException ? pathOf((JsonMappingException) e, root) : pathOf(syntax, root);
            return invalid(e, field, "must be a whole number in range");
        }
        if (syntax != null) {
            return invalid(e, root, "not valid JSON" + location(syntax) + ": " + detail(syntax));
        }
        if (e instanceof MismatchedInputException) {
            final MismatchedInputException mismatch = (MismatchedInputException) e;
            final String field = pathOf(mismatch, root);
            return invalid(e, field, expectation(mismatch, field.equals(root)));
        }
        if (e instanceof JsonMappingException) {
            return invalid(e, pathOf((JsonMappingException) e, root), "cannot be read: " + detail(e));
        }
        return invalid(e, root, "not valid JSON: " + detail(e));
    }

    /** @return the syntax error that caused this failure, if any (databind wraps them with the field path) */
    private static StreamReadException streamCause(final Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException) {
                return (StreamReadException) cause;
            }
        }
        return null;
    }

    private static String expectation(final MismatchedInputException e, final boolean whole) {
        if (whole && e.getOriginalMessage().startsWith("Trailing token")) {
            return "must hold exactly one JSON object, without trailing content";
        }
        if (e instanceof InvalidFormatException
                && e.getTargetType() != null
                && e.getTargetType().isEnum()) {
            return "must be one of: "
                    + Arrays.stream(e.getTargetType().getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        final Class<?> target = e.getTargetType();
        if (target == null || whole) {
            return "must be a JSON object";
        }
        if (target == String.class) {
            return "must be a JSON string";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "must be a whole number, without quotes or fraction";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "must be a JSON array";
        }
        if (Map.class.isAssignableFrom(target)) {
            return "must be a JSON object of string values";
        }
        return "must be a JSON object";
    }

    /** Lists the accepted properties in the class's declared order. */
    private static String accepted(final UnrecognizedPropertyException e) {
        final JsonPropertyOrder order =
                e.getReferringClass() == null ? null : e.getReferringClass().getAnnotation(JsonPropertyOrder.class);
        final List<String> declared = order == null ? List.of() : Arrays.asList(order.value());
        final Comparator<String> byDeclaration = Comparator.comparingInt(
                (String name) -> declared.contains(name) ? declared.indexOf(name) : Integer.MAX_VALUE);
        return e.getKnownPropertyIds().stream()
                .map(Object::toString)
                .sorted(byDeclaration.thenComparing(Comparator.naturalOrder()))
                .collect(Collectors.joining(", "));
    }

    private static String pathOf(final JsonMappingException e, final String root) {
        final StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return fieldOrRoot(path.toString(), root);
    }

    private static String pathOf(final StreamReadException e, final String root) {
        if (e.getProcessor() == null) {
            return root;
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
        return fieldOrRoot(path.startsWith(".") ? path.substring(1) : path, root);
    }

    /** Field names in errors are single words; anything else (a key with spaces, say) is reported at the root. */
    private static String fieldOrRoot(final String path, final String root) {
        return path.isEmpty() || path.chars().anyMatch(Character::isWhitespace) ? root : path;
    }

    private static String location(final JsonProcessingException e) {
        final JsonLocation where = e.getLocation();
        return where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    private static String detail(final JsonProcessingException e) {
        final String line =
                String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        final String message = line.length() <= MAX_DETAIL_CHARS ? line : line.substring(0, MAX_DETAIL_CHARS) + "...";
        // Jackson quotes an unexpected supplementary character by its first UTF-16 unit alone, and the cut above can
        // split a pair: a lone surrogate would not survive the UTF-8 of the response, so message and payload differ
        final StringBuilder safe = new StringBuilder(message.length());
        message.codePoints()
                .forEach(c -> safe.appendCodePoint(
                        Character.getType(c) == Character.SURROGATE || Character.isISOControl(c) ? '?' : c));
        return safe.toString();
    }

    private static PovmException invalid(final JsonProcessingException cause, final String field, final String why) {
        return new PovmException(new PovmError(ErrorCode.INVALID_ARGUMENT, field, why), cause);
    }

    /** Reads JSON strings as Jackson does, then refuses those that could not be stored exactly. */
    private static final class ExactText extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        ExactText() {
            super(String.class);
        }

        @Override
        public String deserialize(final JsonParser parser, final DeserializationContext ctxt) throws IOException {
            final String text = StringDeserializer.instance.deserialize(parser, ctxt);
            final Optional<String> why = text == null ? Optional.empty() : KeyText.unstorable(text);
            if (why.isPresent()) {
                throw new UnstorableText(parser, why.get());
            }
            return text;
        }
    }

    /** A string {@link ExactText} refused; Jackson adds the field's path to it on the way out. */
    private static final class UnstorableText extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        UnstorableText(final JsonParser parser, final String why) {
            super(parser, why);
        }
    }
}
