// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.api.PovmJson;
import io.povm.api.Reveal;
import io.povm.api.Slas;
import io.povm.api.Specs;
import io.povm.api.Workers;
import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.RoundCheck;
import io.povm.api.beacon.RoundCommit;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of hostile transaction arguments, chosen by the parameter's name: plausible values (so that calls get
 * past the first checks), the same with separators inside, ids made of separators (U+0000, U+10FFFF, '/', ':', '#'),
 * lone surrogates, control characters, empty and huge strings, extreme numbers, invalid UTF-8, deep JSON, and for
 * JSON parameters a valid-looking document of the expected type with one field mutated or duplicated.
 */
final class PropertyArguments {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One argument as the client sends it: bytes, usually a text's UTF-8 encoding. */
    record Arg(String shown, byte[] bytes) {
        static Arg text(final String text) {
            return new Arg(show(text), text.getBytes(StandardCharsets.UTF_8));
        }

        static Arg raw(final byte[] bytes) {
            final StringBuilder hex = new StringBuilder("bytes[");
            for (byte b : bytes) {
                hex.append(String.format("%02x", b));
            }
            return new Arg(hex.append(']').toString(), bytes);
        }

        @Override
        public String toString() {
            return shown;
        }
    }

    private PropertyArguments() {}

    /** @return the argument lists for a transaction with these parameters: right count mostly, sometimes wrong */
    static Arbitrary<List<Arg>> argumentsFor(final List<String> parameters) {
        final List<Arbitrary<Arg>> each = new ArrayList<>();
        for (String parameter : parameters) {
            each.add(argumentFor(parameter));
        }
        final Arbitrary<List<Arg>> rightCount = each.isEmpty()
                ? Arbitraries.just(List.of())
                : Combinators.combine(each).as(List::copyOf);
        final Arbitrary<List<Arg>> wrongCount = Arbitraries.integers()
                .between(0, parameters.size() + 3)
                .filter(n -> n != parameters.size())
                .flatMap(n -> anyText().map(Arg::text).list().ofSize(n));
        return Arbitraries.frequencyOf(Tuple.of(9, rightCount), Tuple.of(1, wrongCount));
    }

    static Arbitrary<Arg> argumentFor(final String parameter) {
        final List<String> plausible = plausible(parameter);
        final boolean json = parameter.endsWith("Json");
        return Arbitraries.frequencyOf(
                Tuple.of(json ? 5 : 20, Arbitraries.of(plausible).map(Arg::text)),
                Tuple.of(15, near(plausible).map(Arg::text)),
                Tuple.of(12, separated().map(Arg::text)),
                Tuple.of(8, numbers().map(Arg::text)),
                Tuple.of(8, Arbitraries.strings().all().ofMaxLength(40).map(Arg::text)),
                Tuple.of(4, Arbitraries.just(Arg.text(""))),
                Tuple.of(json ? 40 : 4, mutatedJson(parameter).map(Arg::text)),
                Tuple.of(2, deepJson().map(Arg::text)),
                Tuple.of(1, huge().map(Arg::text)),
                Tuple.of(3, invalidUtf8().map(Arg::raw)));
    }

    /** @return any hostile text, for arguments beyond a transaction's own */
    static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                separated(),
                numbers(),
                Arbitraries.just(""),
                Arbitraries.strings().ofMaxLength(10));
    }

    /** Values of the right shape for the seeded ledger ({@link TransactionPropertiesTest#seed}). */
    static List<String> plausible(final String parameter) {
        return switch (parameter) {
            case "id", "jobId" -> List.of("flip-1", "job-1", "cfg-1", "mint-1");
            case "msp", "mspId", "org", "dealer" -> List.of("Org1MSP", "Org2MSP", "Org9MSP");
            case "fabricId", "submitterId" -> List.of(RoutedLedger.CUSTOMER.id(), RoutedLedger.ORG_ADMIN.id());
            case "workerKey" -> List.of("Org1MSP/w1", "Org2MSP/w2");
            case "ref" -> List.of("standard@1", "standard@2");
            case "round", "replica" -> List.of("0", "1", "2");
            case "pageSize" -> List.of("1", "10", "100");
            case "bookmark" -> List.of("");
            case "state" -> List.of("SUBMITTED", "ACTIVE", "PAUSED", "RUNNING");
            case "amount", "freeSlots", "count" -> List.of("1", "5");
            case "lot" -> List.of("", "tx-1.0", "split-1.0");
            case "reason" -> List.of("because", "timeout");
            case "commitment" -> List.of("0".repeat(64));
            default -> parameter.endsWith("Json") ? List.of(sampleJson(parameter)) : List.of("x", "abc");
        };
    }

    /** @return a plausible value with a separator or odd character put in front, inside or after it */
    static Arbitrary<String> near(final List<String> plausible) {
        return Combinators.combine(
                        Arbitraries.of(plausible),
                        separatorChar(),
                        Arbitraries.integers().between(0, 100))
                .as((value, separator, at) -> {
                    final int i = value.isEmpty() ? 0 : at % (value.length() + 1);
                    return value.substring(0, i) + separator + value.substring(i);
                });
    }

    static Arbitrary<String> separatorChar() {
        return Arbitraries.of(
                "\u0000",
                "\uDBFF\uDFFF",
                "/",
                ":",
                "#",
                "\uD800",
                "\uDC00",
                " ",
                "\n",
                "\r",
                "\t",
                "\"",
                "\\",
                "{",
                "@",
                ".",
                "%",
                "\u202E",
                "\uFEFF",
                "\u00e9",
                "\u0001",
                "\u007f",
                "*",
                "'");
    }

    /** @return short texts made of separators and a few letters: ids like "a\u0000/b#" */
    static Arbitrary<String> separated() {
        return Arbitraries.oneOf(separatorChar(), Arbitraries.of("a", "Z", "1", "-", "Org1MSP"))
                .list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .map(parts -> String.join("", parts));
    }

    static Arbitrary<String> numbers() {
        return Arbitraries.of(
                String.valueOf(Long.MIN_VALUE),
                String.valueOf(Long.MAX_VALUE),
                "9223372036854775808",
                "-9223372036854775809",
                "2147483647",
                "2147483648",
                "-2147483649",
                "-0",
                "0",
                "-1",
                "1e309",
                "-1e309",
                "1e3",
                "1.5",
                "NaN",
                "Infinity",
                "-Infinity",
                "0x10",
                " 1",
                "1 ",
                "+1",
                "007",
                "1_000",
                "\u0661",
                "\uff11");
    }

    /** @return long texts, up to 1 MiB: the size shrinks, not the characters */
    static Arbitrary<String> huge() {
        return Combinators.combine(
                        Arbitraries.integers().between(1_025, 1_048_576), Arbitraries.of("x", "\u0000", "/", "\u00e9"))
                .as((n, c) -> c.repeat(n));
    }

    static Arbitrary<String> deepJson() {
        return Combinators.combine(Arbitraries.integers().between(50, 5_000), Arbitraries.of(0, 1))
                .as((depth, kind) -> kind == 0
                        ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    static Arbitrary<byte[]> invalidUtf8() {
        return Arbitraries.of(
                new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xc0, (byte) 0x80},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {'a', (byte) 0xe2, (byte) 0x82},
                new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
    }

    /**
     * @return the parameter's sample document with one change: a field's value replaced by a hostile one, removed,
     *     added, or its key duplicated (as text, since a tree cannot hold two equal keys)
     */
    static Arbitrary<String> mutatedJson(final String parameter) {
        final String sample = parameter.endsWith("Json") ? sampleJson(parameter) : "{\"id\":\"x\"}";
        final JsonNode tree = read(sample);
        final int paths = count(tree);
        return Combinators.combine(
                        Arbitraries.integers().between(0, Math.max(0, paths - 1)),
                        Arbitraries.integers().between(0, 3),
                        hostileNode())
                .as((path, kind, value) -> mutate(sample, tree, path, kind, value));
    }

    private static String mutate(
            final String sample, final JsonNode tree, final int path, final int kind, final JsonNode value) {
        if (kind == 3 && sample.startsWith("{\"")) {
            final String key = sample.substring(2, sample.indexOf('"', 2));
            return "{\"" + key + "\":" + value + "," + sample.substring(1);
        }
        final JsonNode copy = tree.deepCopy();
        final Slot slot = find(copy, path, new int[] {0});
        if (slot == null) {
            return copy.toString();
        }
        if (slot.parent instanceof ObjectNode object) {
            switch (kind) {
                case 1 -> object.remove(slot.name);
                case 2 -> object.set(slot.name + "X", value);
                default -> object.set(slot.name, value);
            }
        } else if (slot.parent instanceof ArrayNode array) {
            if (kind == 1) {
                array.remove(slot.index);
            } else {
                array.set(slot.index, value);
            }
        }
        final String text = copy.toString();
        // numbers JSON cannot hold: written as their literal text into the document
        return text.replace("\"@1e309\"", "1e309").replace("\"@NaN\"", "NaN").replace("\"@-0\"", "-0");
    }

    static Arbitrary<JsonNode> hostileNode() {
        return Arbitraries.oneOf(
                separated().map(NODES::textNode),
                numbers().map(NODES::textNode),
                Arbitraries.just(NODES.textNode("")),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.just(NODES.arrayNode()),
                Arbitraries.just(NODES.objectNode()),
                Arbitraries.just(NODES.booleanNode(true)),
                Arbitraries.of(
                        NODES.numberNode(Long.MIN_VALUE),
                        NODES.numberNode(Long.MAX_VALUE),
                        NODES.numberNode(BigInteger.TWO.pow(64)),
                        NODES.numberNode(-0.0d),
                        NODES.numberNode(1e308),
                        NODES.numberNode(new BigDecimal("1e-400")),
                        NODES.numberNode(-1),
                        NODES.numberNode(0),
                        NODES.textNode("@1e309"),
                        NODES.textNode("@NaN"),
                        NODES.textNode("@-0")),
                Arbitraries.integers().between(10, 900).map(PropertyArguments::deepArray),
                Arbitraries.integers().between(1_025, 20_000).map(n -> NODES.textNode("y".repeat(n))));
    }

    private static JsonNode deepArray(final int depth) {
        ArrayNode node = NODES.arrayNode();
        final ArrayNode top = node;
        for (int i = 1; i < depth; i++) {
            node = node.addArray();
        }
        return top;
    }

    private record Slot(JsonNode parent, String name, int index) {}

    private static int count(final JsonNode node) {
        int n = 0;
        for (JsonNode child : node) {
            n += 1 + count(child);
        }
        return n;
    }

    private static Slot find(final JsonNode node, final int target, final int[] seen) {
        if (node.isObject()) {
            final Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                final Map.Entry<String, JsonNode> field = fields.next();
                if (seen[0]++ == target) {
                    return new Slot(node, field.getKey(), -1);
                }
                final Slot inner = find(field.getValue(), target, seen);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (seen[0]++ == target) {
                    return new Slot(node, null, i);
                }
                final Slot inner = find(node.get(i), target, seen);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** @return a valid (or, for the beacon's documents, valid-looking) document for a JSON parameter */
    static String sampleJson(final String parameter) {
        return switch (parameter) {
            case "specJson" -> Specs.VALID_JSON;
            case "specsJson" -> "[" + Specs.VALID_JSON + "]";
            case "slaJson" -> Slas.VALID_JSON;
            case "registrationJson" -> PovmJson.write(Workers.registration("w9", Workers.ORG1_USER2_CERT));
            case "offerJson" -> PovmJson.write(Workers.offer());
            case "mspIdsJson" -> "[\"Org1MSP\",\"Org2MSP\",\"Org3MSP\"]";
            case "revealJson" -> skeleton(Reveal.class, 0).toString();
            case "commitJson" -> skeleton(RoundCommit.class, 0).toString();
            case "checkJson" -> skeleton(RoundCheck.class, 0).toString();
            case "configJson" -> skeleton(BeaconConfig.class, 0).toString();
            default -> "{\"id\":\"x\"}";
        };
    }

    /** @return an object with every component of a record, each with a plain value of its type */
    static JsonNode skeleton(final Type type, final int depth) {
        final Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return NODES.textNode("x");
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            return NODES.numberNode(1);
        }
        if (raw == double.class || raw == Double.class) {
            return NODES.numberNode(1.0);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return NODES.booleanNode(true);
        }
        if (raw == Instant.class) {
            return NODES.textNode("2026-11-20T10:00:00Z");
        }
        if (raw.isEnum()) {
            return NODES.textNode(((Enum<?>) raw.getEnumConstants()[0]).name());
        }
        if (Collection.class.isAssignableFrom(raw)) {
            final ArrayNode array = NODES.arrayNode();
            if (type instanceof ParameterizedType p && depth < 4) {
                array.add(skeleton(p.getActualTypeArguments()[0], depth + 1));
            }
            return array;
        }
        if (raw.isRecord() && depth < 4) {
            final ObjectNode object = NODES.objectNode();
            for (RecordComponent component : raw.getRecordComponents()) {
                object.set(component.getName(), skeleton(component.getGenericType(), depth + 1));
            }
            return object;
        }
        return NODES.objectNode();
    }

    private static JsonNode read(final String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the text in Java-escaped form, long texts cut, so that a counter-example stays readable */
    static String show(final String text) {
        final StringBuilder shown = new StringBuilder("\"");
        final int limit = Math.min(text.length(), 80);
        for (int i = 0; i < limit; i++) {
            final char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '"' || c == '\\' || c > 0x7e) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        shown.append('"');
        if (text.length() > limit) {
            shown.append("...(").append(text.length()).append(" chars)");
        }
        return shown.toString();
    }
}
