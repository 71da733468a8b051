// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.povm.bench.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    private static final String LOAD =
            """
            [{"scenario":"P1","name":"floor-write@10","baseline":"","tps":10.0,"offeredTps":10,"sent":100,
              "failureShare":0,"statuses":{"VALID":100},"latencyMs":{"p50":100,"p99":200},"cpuMsPerValidTx":36},
             {"scenario":"P1","name":"submit-job@10","baseline":"floor-write@10","tps":8.5,"offeredTps":10,"sent":100,
              "failureShare":0.15,"statuses":{"VALID":85,"MVCC_READ_CONFLICT":15},"latencyMs":{"p50":150,"p99":300},
              "cpuMsPerValidTx":72}]
            """;

    @Test
    void every_result_gets_its_ratio_to_the_baseline_of_the_same_run() throws Exception {
        final ArrayNode load = (ArrayNode) Json.mapper().readTree(LOAD);

        Report.addRatios(load);

        assertThat(load.get(1).path("tpsRatio").asDouble()).isEqualTo(0.85);
        assertThat(load.get(1).path("p50Ratio").asDouble()).isEqualTo(1.5);
        assertThat(load.get(1).path("cpuRatio").asDouble()).isEqualTo(2.0);
        assertThat(load.get(0).has("tpsRatio")).isFalse();
    }

    @Test
    void the_report_command_writes_json_markdown_and_plots(@TempDir final Path dir) throws Exception {
        Files.createDirectories(dir.resolve("parts"));
        Files.writeString(dir.resolve("parts/load-p1.json"), LOAD);
        Files.writeString(
                dir.resolve("parts/meta.json"),
                """
                {"date":"2026-12-06T08:00:00Z","watts per busy core":10,"watts source":"assumed",
                 "gCO2 per kWh":480,"gCO2 source":"Ember"}""");

        Files.writeString(
                dir.resolve("parts/container.json"),
                """
                {"scenario":"P3","image":"povm/base:bookworm","command":["true"],"runs":5,
                 "workerSeconds":0.132,"dockerSeconds":0.409,"ratio":0.323}""");

        final int exit = new picocli.CommandLine(new ReportCommand()).execute("--dir", dir.toString());

        assertThat(exit).isZero();
        final JsonNode results = Json.read(dir.resolve("results.json"));
        assertThat(results.path("load")).hasSize(2);
        assertThat(Files.readString(dir.resolve("results.md")))
                .contains("| submit-job@10 | 10 | 100 | 8.50 | 0.850 | floor-write@10 |")
                .contains("| p99 ms | network CPU-ms per VALID tx | × baseline CPU |\n| --- |")
                .contains("| 150 | 300 | 72 | 2 |")
                .contains("MVCC_READ_CONFLICT 15")
                // 36 CPU-ms per transaction x 1,000 x 10 W = 0.1 Wh; x 480 g/kWh = 0.048 g
                .contains("| floor-write@10, per 1,000 VALID transactions | 0.100 Wh | 0.0480 g |")
                .contains("- carbon intensity: Ember")
                .contains("| docker run --rm (baseline) | 0.409 | 1 |");
        assertThat(dir.resolve("p1-throughput.png")).isNotEmptyFile();
        assertThat(dir.resolve("p1-latency.png")).isNotEmptyFile();
    }
}
