// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.povm.bench.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code povm-bench report}: results.json, results.md and the PNG plots from a run's parts. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Writes results.json, results.md and PNG plots into DIR from DIR/parts")
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", required = true, description = "the run's results directory")
    private Path dir;

    @Override
    public Integer call() {
        final JsonNode report = Report.from(dir.resolve("parts")).json();
        Json.write(dir.resolve("results.json"), report);
        try {
            final Path caliper = dir.resolve("parts").resolve("caliper.md");
            final String outside = Files.isRegularFile(caliper)
                    ? "\n## Hyperledger Caliper on the same network, same run (bench/caliper; its Throughput counts failed"
                            + " transactions too: compare Succ per second)\n\n"
                            + Files.readString(caliper, StandardCharsets.UTF_8)
                    : "";
            Files.writeString(dir.resolve("results.md"), Markdown.of(report) + outside, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results.md", e);
        }
        final Map<String, List<double[]>> tps = new LinkedHashMap<>();
        final Map<String, List<double[]>> p50 = new LinkedHashMap<>();
        for (JsonNode r : report.path("load")) {
            final double offered = r.path("offeredTps").asDouble();
            if (offered > 0) {
                final String series = r.path("name").asText().replaceFirst("@.*$", "");
                tps.computeIfAbsent(series, k -> new ArrayList<>())
                        .add(new double[] {offered, r.path("tps").asDouble()});
                p50.computeIfAbsent(series, k -> new ArrayList<>()).add(new double[] {
                    offered, r.path("latencyMs").path("p50").asDouble()
                });
            }
        }
        if (!tps.isEmpty()) {
            new LineChart("P1: committed VALID TPS against offered TPS", "offered TPS", "VALID TPS")
                    .write(series(tps), dir.resolve("p1-throughput.png"));
            new LineChart("P1: p50 latency of VALID transactions", "offered TPS", "p50 ms")
                    .write(series(p50), dir.resolve("p1-latency.png"));
        }
        spec.commandLine().getErr().println("[bench] wrote " + dir.resolve("results.md") + ", results.json and plots");
        return 0;
    }

    private static List<Series> series(final Map<String, List<double[]>> points) {
        final List<Series> series = new ArrayList<>();
        points.forEach((name, list) -> {
            list.sort((a, b) -> Double.compare(a[0], b[0]));
            series.add(new Series(name, list));
        });
        return series;
    }
}
