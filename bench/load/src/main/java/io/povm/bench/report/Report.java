// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.bench.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run's results put together from the parts {@code scripts/bench} wrote ({@code parts/meta.json},
 * {@code parts/load-*.json}, {@code parts/idle.json}, {@code parts/cli.json}, {@code parts/container.json}, {@code parts/useful.json},
 * {@code parts/scale.json}): every load result gets its ratio to
 * the baseline it names, measured in the same run ({@code tpsRatio}, {@code p50Ratio}, {@code cpuRatio}).
 */
public final class Report {
    private final ObjectNode root;

    private Report(final ObjectNode root) {
        this.root = root;
    }

    public static Report from(final Path parts) {
        final ObjectNode root = Json.mapper().createObjectNode();
        root.set("meta", optional(parts.resolve("meta.json")));
        final ArrayNode load = root.putArray("load");
        for (Path file : loadFiles(parts)) {
            Json.read(file).forEach(load::add);
        }
        addRatios(load);
        root.set("idle", optional(parts.resolve("idle.json")));
        root.set("cli", optional(parts.resolve("cli.json")));
        root.set("container", optional(parts.resolve("container.json")));
        root.set("useful", optional(parts.resolve("useful.json")));
        root.set("scale", optional(parts.resolve("scale.json")));
        return new Report(root);
    }

    public JsonNode json() {
        return root;
    }

    static void addRatios(final ArrayNode load) {
        final Map<String, JsonNode> byName = new HashMap<>();
        load.forEach(result -> byName.put(result.path("name").asText(), result));
        load.forEach(result -> {
            final JsonNode base = byName.get(result.path("baseline").asText());
            if (base != null) {
                ((ObjectNode) result).put("tpsRatio", ratio(result.path("tps"), base.path("tps")));
                ((ObjectNode) result)
                        .put(
                                "p50Ratio",
                                ratio(
                                        result.path("latencyMs").path("p50"),
                                        base.path("latencyMs").path("p50")));
                ((ObjectNode) result)
                        .put("cpuRatio", ratio(result.path("cpuMsPerValidTx"), base.path("cpuMsPerValidTx")));
            }
        });
    }

    private static double ratio(final JsonNode value, final JsonNode base) {
        return base.asDouble() > 0 ? Math.round(value.asDouble() / base.asDouble() * 100) / 100.0 : 0;
    }

    private static JsonNode optional(final Path file) {
        return Files.isRegularFile(file) ? Json.read(file) : Json.mapper().nullNode();
    }

    private static List<Path> loadFiles(final Path parts) {
        try (Stream<Path> files = Files.list(parts)) {
            return files.filter(f -> f.getFileName().toString().matches("load-.*\\.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parts, e);
        }
    }
}
