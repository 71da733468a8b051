package io.povm.api;

import static io.povm.api.Specs.edited;
import static io.povm.api.Specs.env;
import static io.povm.api.Specs.redundancy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every spec rule broken once: (what is wrong, the spec JSON, the field the error must name). Used against the
 * validator alone and against the contract, which must write nothing for any of them.
 */
public final class InvalidSpecs {
    private InvalidSpecs() {}

    public static Stream<Arguments> rules() {
        return Stream.of(
                        idRules(),
                        imageRules(),
                        commandRules(),
                        envRules(),
                        slaRules(),
                        redundancyRules(),
                        shapeRules())
                .flatMap(s -> s);
    }

    private static Stream<Arguments> idRules() {
        return Stream.of(
                arguments("missing id", edited(s -> s.remove("id")), "id"),
                arguments("null id", edited(s -> s.putNull("id")), "id"),
                arguments("empty id", edited(s -> s.put("id", "")), "id"),
                arguments("id starting with a dash", edited(s -> s.put("id", "-flip")), "id"),
                arguments("id with a space", edited(s -> s.put("id", "flip 1")), "id"),
                arguments("id with a slash", edited(s -> s.put("id", "flip/1")), "id"),
                arguments("id of 65 chars", edited(s -> s.put("id", "a".repeat(65))), "id"),
                arguments("id with a trailing newline", edited(s -> s.put("id", "flip-1\n")), "id"),
                arguments("numeric id", edited(s -> s.put("id", 7)), "id"));
    }

    private static Stream<Arguments> imageRules() {
        return Stream.of(
                arguments("missing image", edited(s -> s.remove("image")), "image"),
                arguments("image by tag", edited(s -> s.put("image", "povm/coinflip:latest")), "image"),
                arguments(
                        "uppercase image name",
                        edited(s -> s.put("image", "Povm/coinflip@sha256:" + Specs.DIGEST)),
                        "image"),
                arguments(
                        "uppercase digest",
                        edited(s -> s.put("image", "povm/coinflip@sha256:" + Specs.DIGEST.toUpperCase())),
                        "image"),
                arguments(
                        "short digest",
                        edited(s -> s.put("image", "povm/coinflip@sha256:" + Specs.DIGEST.substring(1))),
                        "image"),
                arguments("digest without name", edited(s -> s.put("image", "@sha256:" + Specs.DIGEST)), "image"));
    }

    private static Stream<Arguments> commandRules() {
        return Stream.of(
                arguments("missing command", edited(s -> s.remove("command")), "command"),
                arguments("empty command", edited(s -> s.putArray("command")), "command"),
                arguments("65 arguments", edited(s -> repeat(s.putArray("command"), "x", 65)), "command"),
                arguments("command as a string", edited(s -> s.put("command", "coinflip --k 5")), "command"),
                arguments("empty argument", edited(s -> ((ArrayNode) s.get("command")).add("")), "command[3]"),
                arguments("null argument", edited(s -> ((ArrayNode) s.get("command")).addNull()), "command[3]"),
                arguments("numeric argument", edited(s -> ((ArrayNode) s.get("command")).add(5)), "command[3]"),
                arguments(
                        "argument of 4097 chars",
                        edited(s -> ((ArrayNode) s.get("command")).set(1, "k".repeat(4097))),
                        "command[1]"));
    }

    private static Stream<Arguments> envRules() {
        return Stream.of(
                arguments(
                        "65 variables",
                        edited(s -> {
                            for (int i = 0; i < 65; i++) {
                                env(s).put("V" + i, "x");
                            }
                        }),
                        "env"),
                arguments("variable name starting with a digit", edited(s -> env(s).put("1X", "x")), "env"),
                arguments("variable name with a dash", edited(s -> env(s).put("A-B", "x")), "env"),
                arguments("empty variable name", edited(s -> env(s).put("", "x")), "env"),
                arguments("value of 4097 chars", edited(s -> env(s).put("SEED", "7".repeat(4097))), "env.SEED"),
                arguments("null value", edited(s -> env(s).putNull("SEED")), "env.SEED"),
                arguments("numeric value", edited(s -> env(s).put("SEED", 7)), "env.SEED"),
                arguments("env as an array", edited(s -> s.putArray("env")), "env"));
    }

    private static Stream<Arguments> slaRules() {
        return Stream.of(
                arguments("missing sla", edited(s -> s.remove("sla")), "sla"),
                arguments("sla without version", edited(s -> s.put("sla", "standard")), "sla"),
                arguments("uppercase sla", edited(s -> s.put("sla", "Standard@1")), "sla"),
                arguments("sla version 0", edited(s -> s.put("sla", "standard@0")), "sla"),
                arguments("sla version of 7 digits", edited(s -> s.put("sla", "standard@1000000")), "sla"));
    }

    private static Stream<Arguments> redundancyRules() {
        return Stream.of(
                arguments("missing redundancy", edited(s -> s.remove("redundancy")), "redundancy"),
                arguments("missing mode", edited(s -> redundancy(s).remove("mode")), "redundancy.mode"),
                arguments("unsupported mode", edited(s -> redundancy(s).put("mode", "iterative")), "redundancy.mode"),
                arguments("missing replicas", edited(s -> redundancy(s).remove("replicas")), "redundancy.replicas"),
                arguments("null replicas", edited(s -> redundancy(s).putNull("replicas")), "redundancy.replicas"),
                arguments("even replicas", edited(s -> redundancy(s).put("replicas", 2)), "redundancy.replicas"),
                arguments("zero replicas", edited(s -> redundancy(s).put("replicas", 0)), "redundancy.replicas"),
                arguments("negative replicas", edited(s -> redundancy(s).put("replicas", -1)), "redundancy.replicas"),
                arguments("17 replicas", edited(s -> redundancy(s).put("replicas", 17)), "redundancy.replicas"),
                arguments("replicas in quotes", edited(s -> redundancy(s).put("replicas", "3")), "redundancy.replicas"),
                arguments(
                        "fractional replicas", edited(s -> redundancy(s).put("replicas", 3.5)), "redundancy.replicas"),
                arguments(
                        "replicas as a float", edited(s -> redundancy(s).put("replicas", 3.0)), "redundancy.replicas"),
                arguments(
                        "replicas beyond int",
                        edited(s -> redundancy(s).put("replicas", 10_000_000_000L)),
                        "redundancy.replicas"),
                arguments("redundancy as a string", edited(s -> s.put("redundancy", "k-vote")), "redundancy"));
    }

    private static Stream<Arguments> shapeRules() {
        return Stream.of(
                arguments("unknown field", edited(s -> s.put("colour", "red")), "colour"),
                arguments("unknown nested field", edited(s -> redundancy(s).put("k", 2)), "redundancy.k"),
                arguments("text that is not JSON", "flip-1 please", "spec"),
                arguments("empty text", "", "spec"),
                arguments("JSON null", "null", "spec"),
                arguments("JSON array", "[" + Specs.VALID_JSON + "]", "spec"),
                arguments("trailing content", Specs.VALID_JSON + " {}", "spec"),
                arguments("truncated JSON", Specs.VALID_JSON.substring(0, 40), "spec"),
                arguments("duplicate key", "{\"id\":\"a\"," + Specs.VALID_JSON.substring(1), "spec"));
    }

    private static void repeat(final ArrayNode array, final String value, final int times) {
        for (int i = 0; i < times; i++) {
            array.add(value);
        }
    }
}
