// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reliability suite's results, one row per scenario, written as {@code report.json} and {@code report.md}
 * (the table of docs/reliability.md) when the run ends.
 */
final class ReliabilityReport {
    /** One scenario's outcome. */
    record Row(
            String scenario,
            String injected,
            int times,
            int jobs,
            long lost,
            List<String> broken,
            long seconds,
            List<String> notes) {}

    private final String mode;
    private final long seed;
    private final Path dir;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    ReliabilityReport(final String mode, final long seed, final Path dir) {
        this.mode = mode;
        this.seed = seed;
        this.dir = dir;
    }

    synchronized void note(final String scenario, final String note) {
        notes.computeIfAbsent(scenario, s -> new ArrayList<>()).add(note);
    }

    synchronized void add(
            final String scenario,
            final String injected,
            final int times,
            final int jobs,
            final long lost,
            final List<String> broken,
            final Duration took) {
        rows.add(new Row(
                scenario,
                injected,
                times,
                jobs,
                lost,
                List.copyOf(broken),
                took.toSeconds(),
                notes.getOrDefault(scenario, List.of())));
    }

    synchronized void write() throws IOException {
        Files.createDirectories(dir);
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", mode);
        json.put("seed", seed);
        json.put("finishedAt", Instant.now().toString());
        json.put("scenarios", rows);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("report.json").toFile(), json);
        final StringBuilder md = new StringBuilder();
        md.append("Reliability run, mode ")
                .append(mode)
                .append(", seed ")
                .append(seed)
                .append(", finished ")
                .append(Instant.now())
                .append("\n\n");
        md.append("| scenario | injected | times | jobs | jobs lost | invariants | result | seconds |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (final Row row : rows) {
            md.append("| ")
                    .append(row.scenario())
                    .append(" | ")
                    .append(row.injected())
                    .append(" | ")
                    .append(row.times())
                    .append(" | ")
                    .append(row.jobs())
                    .append(" | ")
                    .append(row.lost())
                    .append(" | ")
                    .append(Invariants.NAMES)
                    .append(" | ")
                    .append(row.broken().isEmpty() ? "pass" : "FAIL: " + String.join("; ", row.broken()))
                    .append(" | ")
                    .append(row.seconds())
                    .append(" |\n");
        }
        for (final Row row : rows) {
            for (final String note : row.notes()) {
                md.append("\n- ").append(row.scenario()).append(": ").append(note);
            }
        }
        Files.writeString(dir.resolve("report.md"), md.append('\n').toString());
    }
}
