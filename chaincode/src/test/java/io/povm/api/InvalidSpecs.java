// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static io.povm.api.Specs.edited;
import static io.povm.api.Specs.env;
import static io.povm.api.Specs.inputs;
import static io.povm.api.Specs.iterative;
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
                        iterativeRules(),
                        deadlineRules(),
                        inputRules(),
                        resourceRules(),
                        shapeRules(),
                        workerSafetyRules(),
                        exactTextRules())
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
                arguments("unsupported mode", edited(s -> redundancy(s).put("mode", "majority")), "redundancy.mode"),
                arguments("k-vote with a margin", edited(s -> redundancy(s).put("margin", 2)), "redundancy.margin"),
                arguments("k-vote with a cap", edited(s -> redundancy(s).put("cap", 7)), "redundancy.cap"),
                arguments(
                        "k-vote with minReplicas",
                        edited(s -> redundancy(s).put("minReplicas", 1)),
                        "redundancy.minReplicas"),
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

    private static Stream<Arguments> iterativeRules() {
        return Stream.of(
                arguments(
                        "iterative with replicas", edited(s -> iterative(s).put("replicas", 3)), "redundancy.replicas"),
                arguments("iterative without margin", edited(s -> iterative(s).remove("margin")), "redundancy.margin"),
                arguments("margin 0", edited(s -> iterative(s).put("margin", 0)), "redundancy.margin"),
                arguments("margin 6", edited(s -> iterative(s).put("margin", 6)), "redundancy.margin"),
                arguments(
                        "iterative without minReplicas",
                        edited(s -> iterative(s).remove("minReplicas")),
                        "redundancy.minReplicas"),
                arguments(
                        "minReplicas below the margin",
                        edited(s -> iterative(s).put("minReplicas", 1)),
                        "redundancy.minReplicas"),
                arguments("minReplicas 16", edited(s -> iterative(s).put("minReplicas", 16)), "redundancy.minReplicas"),
                arguments("iterative without cap", edited(s -> iterative(s).remove("cap")), "redundancy.cap"),
                arguments(
                        "cap below minReplicas",
                        edited(s -> iterative(s).put("minReplicas", 4).put("cap", 3)),
                        "redundancy.cap"),
                arguments("cap 16", edited(s -> iterative(s).put("cap", 16)), "redundancy.cap"),
                arguments("cap in quotes", edited(s -> iterative(s).put("cap", "7")), "redundancy.cap"));
    }

    private static Stream<Arguments> deadlineRules() {
        return Stream.of(
                arguments("missing deadline", edited(s -> s.remove("deadline")), "deadline"),
                arguments("deadline without zone", edited(s -> s.put("deadline", "2026-11-20T11:00:00")), "deadline"),
                arguments(
                        "deadline with an offset",
                        edited(s -> s.put("deadline", "2026-11-20T12:00:00+01:00")),
                        "deadline"),
                arguments("deadline as a date", edited(s -> s.put("deadline", "2026-11-20")), "deadline"),
                arguments(
                        "deadline with micros",
                        edited(s -> s.put("deadline", "2026-11-20T11:00:00.123456Z")),
                        "deadline"),
                arguments("impossible date", edited(s -> s.put("deadline", "2026-02-30T11:00:00Z")), "deadline"),
                arguments("deadline as a duration", edited(s -> s.put("deadline", "1h")), "deadline"),
                arguments("deadline as epoch seconds", edited(s -> s.put("deadline", 1795000000)), "deadline"));
    }

    private static Stream<Arguments> inputRules() {
        final String hash = "ab".repeat(32);
        return Stream.of(
                arguments("inputs as an object", edited(s -> s.putObject("inputs")), "inputs"),
                arguments(
                        "65 inputs",
                        edited(s -> {
                            for (int i = 0; i < 65; i++) {
                                inputs(s).addObject().put("name", "in" + i).put("data", "");
                            }
                        }),
                        "inputs"),
                arguments("null input", edited(s -> inputs(s).addNull()), "inputs[0]"),
                arguments(
                        "input without name", edited(s -> inputs(s).addObject().put("data", "eA==")), "inputs[0].name"),
                arguments(
                        "input name with a slash",
                        edited(s -> inputs(s).addObject().put("name", "a/b").put("data", "eA==")),
                        "inputs[0].name"),
                arguments(
                        "input name of 65 chars",
                        edited(s -> inputs(s)
                                .addObject()
                                .put("name", "n".repeat(65))
                                .put("data", "")),
                        "inputs[0].name"),
                arguments(
                        "duplicate input names",
                        edited(s -> {
                            inputs(s).addObject().put("name", "a").put("data", "eA==");
                            inputs(s).addObject().put("name", "a").put("data", "eQ==");
                        }),
                        "inputs[1].name"),
                arguments(
                        "inline data not base64",
                        edited(s -> inputs(s).addObject().put("name", "a").put("data", "not base64!")),
                        "inputs[0].data"),
                arguments(
                        "inline data unpadded",
                        edited(s -> inputs(s).addObject().put("name", "a").put("data", "eA")),
                        "inputs[0].data"),
                arguments(
                        "inline data with a line break",
                        edited(s -> inputs(s).addObject().put("name", "a").put("data", "eA==\neA==")),
                        "inputs[0].data"),
                arguments(
                        "inline data over 16 KiB in all",
                        edited(s -> {
                            inputs(s).addObject().put("name", "a").put("data", base64Of(10_000));
                            inputs(s).addObject().put("name", "b").put("data", base64Of(6_385));
                        }),
                        "inputs[1].data"),
                arguments(
                        "inline data with a hash",
                        edited(s -> inputs(s)
                                .addObject()
                                .put("name", "a")
                                .put("data", "eA==")
                                .put("sha256", hash)),
                        "inputs[0]"),
                arguments(
                        "reference without sha256",
                        edited(s -> inputs(s)
                                .addObject()
                                .put("name", "a")
                                .put("url", "https://x/a")
                                .put("sizeBytes", 1)),
                        "inputs[0].sha256"),
                arguments(
                        "reference with an uppercase sha256",
                        edited(s -> inputs(s)
                                .addObject()
                                .put("name", "a")
                                .put("sha256", hash.toUpperCase())
                                .put("url", "https://x/a")
                                .put("sizeBytes", 1)),
                        "inputs[0].sha256"),
                arguments(
                        "reference without url",
                        edited(s -> inputs(s)
                                .addObject()
                                .put("name", "a")
                                .put("sha256", hash)
                                .put("sizeBytes", 1)),
                        "inputs[0].url"),
                arguments(
                        "reference url without scheme",
                        edited(s -> inputs(s)
                                .addObject()
                                .put("name", "a")
                                .put("sha256", hash)
                                .put("url", "x/a")
                                .put("sizeBytes", 1)),
                        "inputs[0].url"),
                arguments(
                        "reference url with a space",
                        edited(s -> inputs(s)
                                .addObject()
                                .put("name", "a")
                                .put("sha256", hash)
                                .put("url", "https://x/a b")
                                .put("sizeBytes", 1)),
                        "inputs[0].url"),
                arguments(
                        "reference without size",
                        edited(s -> inputs(s)
                                .addObject()
                                .put("name", "a")
                                .put("sha256", hash)
                                .put("url", "https://x/a")),
                        "inputs[0].sizeBytes"),
                arguments(
                        "reference of negative size",
                        edited(s -> inputs(s)
                                .addObject()
                                .put("name", "a")
                                .put("sha256", hash)
                                .put("url", "https://x/a")
                                .put("sizeBytes", -1)),
                        "inputs[0].sizeBytes"),
                arguments(
                        "reference over 1 TiB",
                        edited(s -> inputs(s)
                                .addObject()
                                .put("name", "a")
                                .put("sha256", hash)
                                .put("url", "https://x/a")
                                .put("sizeBytes", (1L << 40) + 1)),
                        "inputs[0].sizeBytes"),
                arguments(
                        "unknown input field",
                        edited(s -> inputs(s)
                                .addObject()
                                .put("name", "a")
                                .put("data", "")
                                .put("mode", "r")),
                        "inputs[0].mode"));
    }

    private static Stream<Arguments> resourceRules() {
        return Stream.of(
                arguments("zero cpu", edited(s -> s.putObject("resources").put("cpuMillis", 0)), "resources.cpuMillis"),
                arguments(
                        "too much cpu",
                        edited(s -> s.putObject("resources").put("cpuMillis", 1_000_001)),
                        "resources.cpuMillis"),
                arguments(
                        "negative memory",
                        edited(s -> s.putObject("resources").put("memoryMiB", -5)),
                        "resources.memoryMiB"),
                arguments(
                        "memory in quotes",
                        edited(s -> s.putObject("resources").put("memoryMiB", "256")),
                        "resources.memoryMiB"),
                arguments(
                        "unknown resource", edited(s -> s.putObject("resources").put("gpus", 1)), "resources.gpus"));
    }

    /** @return standard base64 of {@code bytes} zero bytes */
    static String base64Of(final int bytes) {
        return java.util.Base64.getEncoder().encodeToString(new byte[bytes]);
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

    /** What a worker must never be handed: NUL inside an argument or value, a path name, a local or odd URL. */
    private static Stream<Arguments> workerSafetyRules() {
        final String hash = "ab".repeat(32);
        return Stream.of(
                arguments(
                        "NUL inside an argument",
                        edited(s -> ((ArrayNode) s.get("command")).set(2, "5\u00000")),
                        "command[2]"),
                arguments("NUL inside an env value", edited(s -> env(s).put("SEED", "7\u0000")), "env.SEED"),
                arguments(
                        "input named .",
                        edited(s -> inputs(s).addObject().put("name", ".").put("data", "eA==")),
                        "inputs[0].name"),
                arguments(
                        "input named ..",
                        edited(s -> inputs(s).addObject().put("name", "..").put("data", "eA==")),
                        "inputs[0].name"),
                arguments("file:// input URL", referenced(hash, "file:///etc/shadow"), "inputs[0].url"),
                arguments("ftp:// input URL", referenced(hash, "ftp://example.org/corpus.tar"), "inputs[0].url"),
                arguments("gopher:// input URL", referenced(hash, "gopher://example.org/1"), "inputs[0].url"));
    }

    /**
     * Text that would not be stored exactly, so that the identical spec sent again would no longer match it: a lone
     * surrogate (stored as ?) or U+FFFD (where the shim decoded invalid UTF-8).
     */
    private static Stream<Arguments> exactTextRules() {
        return Stream.of(
                arguments(
                        "lone surrogate in an env value",
                        Specs.VALID_JSON.replace("{\"SEED\":\"7\"}", "{\"SEED\":\"7\ud800\"}"),
                        "env.SEED"),
                arguments(
                        "escaped lone surrogate in an env value",
                        Specs.VALID_JSON.replace("{\"SEED\":\"7\"}", "{\"SEED\":\"7\\udc00\"}"),
                        "env.SEED"),
                arguments("U+FFFD in an argument", Specs.VALID_JSON.replace("\"--k\"", "\"--k\ufffd\""), "command[1]"),
                arguments(
                        "lone surrogate in a deadline",
                        Specs.VALID_JSON.replace(Specs.DEADLINE, Specs.DEADLINE + "\udbff"),
                        "deadline"));
    }

    private static String referenced(final String hash, final String url) {
        return edited(s -> inputs(s)
                .addObject()
                .put("name", "corpus.tar")
                .put("sha256", hash)
                .put("url", url)
                .put("sizeBytes", 10));
    }

    private static void repeat(final ArrayNode array, final String value, final int times) {
        for (int i = 0; i < times; i++) {
            array.add(value);
        }
    }
}
