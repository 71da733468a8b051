// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** results.md: the run's meta data, then one Markdown table per scenario, each speed beside its same-run baseline. */
public final class Markdown {
    private Markdown() {}

    public static String of(final JsonNode report) {
        final StringBuilder md = new StringBuilder("# povm benchmark results\n\n");
        final JsonNode meta = report.path("meta");
        meta.fields().forEachRemaining(e -> md.append("- ")
                .append(e.getKey())
                .append(": ")
                .append(e.getValue().asText())
                .append('\n'));
        md.append("\n## P1 write paths and reads through the gateway (ratio: TPS ÷ the baseline's TPS at the same "
                + "offered rate, same run)\n\n");
        md.append("| series | offered TPS | sent | TPS | × baseline | baseline | failed | statuses | p50 ms | p99 ms "
                + "| network CPU-ms per VALID tx | × baseline CPU |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: |\n");
        for (JsonNode r : report.path("load")) {
            md.append(row(
                    r.path("name").asText(),
                    r.path("offeredTps").asDouble() == 0
                            ? "max"
                            : num(r.path("offeredTps").asDouble()),
                    Long.toString(r.path("sent").asLong()),
                    num(r.path("tps").asDouble()),
                    r.has("tpsRatio") ? num(r.path("tpsRatio").asDouble()) : "—",
                    r.path("baseline").asText().isEmpty()
                            ? "(baseline)"
                            : r.path("baseline").asText(),
                    String.format(
                            Locale.ROOT, "%.0f%%", 100 * r.path("failureShare").asDouble()),
                    statuses(r.path("statuses")),
                    num(r.path("latencyMs").path("p50").asDouble()),
                    num(r.path("latencyMs").path("p99").asDouble()),
                    num(r.path("cpuMsPerValidTx").asDouble()),
                    r.has("cpuRatio") ? num(r.path("cpuRatio").asDouble()) : "—"));
        }
        cli(md, report.path("cli"));
        container(md, report.path("container"));
        UsefulAndScale.useful(md, report.path("useful"));
        UsefulAndScale.scale(md, report.path("scale"));
        idle(md, report.path("idle"));
        Energy.append(md, report);
        return md.toString();
    }

    private static void cli(final StringBuilder md, final JsonNode cli) {
        if (cli.isMissingNode() || cli.isNull()) {
            return;
        }
        md.append("\n## P7 command line: the same read, median of ")
                .append(cli.path("runs").asInt())
                .append("\n\n");
        md.append("| command | wall s | CPU s | × baseline (wall) |\n| --- | ---: | ---: | ---: |\n");
        md.append(row(
                "peer chaincode query (baseline)",
                num(cli.path("peerSeconds").asDouble()),
                num(cli.path("peerCpuSeconds").asDouble()),
                "1"));
        md.append(row(
                "povm job get",
                num(cli.path("povmSeconds").asDouble()),
                num(cli.path("povmCpuSeconds").asDouble()),
                num(cli.path("ratio").asDouble())));
    }

    private static void container(final StringBuilder md, final JsonNode p3) {
        if (p3.isMissingNode() || p3.isNull()) {
            return;
        }
        md.append("\n## P3 container start: the worker's path against docker run --rm of ")
                .append(p3.path("image").asText())
                .append(" ")
                .append(p3.path("command").toString())
                .append(", median of ")
                .append(p3.path("runs").asInt())
                .append("\n\n| path | wall s | × baseline |\n| --- | ---: | ---: |\n");
        md.append(row("docker run --rm (baseline)", num(p3.path("dockerSeconds").asDouble()), "1"));
        md.append(row(
                "the worker's SandboxRunner (create, start, wait, logs, cgroup usage, remove; sandbox policy)",
                num(p3.path("workerSeconds").asDouble()),
                num(p3.path("ratio").asDouble())));
    }

    private static void idle(final StringBuilder md, final JsonNode idle) {
        if (idle.isMissingNode() || idle.isNull()) {
            return;
        }
        md.append("\n## P8 idle cost over ")
                .append(num(idle.path("seconds").asDouble()))
                .append(" s with nothing to do (baseline: Fabric's own orderers and peers)\n\n");
        md.append("| process | CPU-s per minute |\n| --- | ---: |\n");
        idle.path("cpuSecondsPerMinute")
                .fields()
                .forEachRemaining(
                        e -> md.append(row(e.getKey(), num(e.getValue().asDouble()))));
        md.append('\n').append("| figure | value |\n| --- | ---: |\n");
        idle.path("groupCpuSecondsPerMinute")
                .fields()
                .forEachRemaining(e -> md.append(row(
                        "group " + e.getKey() + " (CPU-s/min)", num(e.getValue().asDouble()))));
        md.append(row(
                "povm (chaincode servers + daemons) ÷ Fabric nodes",
                num(idle.path("povmOverFabric").asDouble())));
        md.append(row(
                "network + daemons, share of one core",
                String.format(
                        Locale.ROOT, "%.1f%%", 100 * idle.path("shareOfOneCore").asDouble())));
        idle.path("ledgerBytesPerMinute")
                .fields()
                .forEachRemaining(e -> md.append(row(
                        "ledger bytes/min " + e.getKey(),
                        Long.toString(e.getValue().asLong()))));
    }

    private static String statuses(final JsonNode statuses) {
        final List<String> parts = new ArrayList<>();
        statuses.fields()
                .forEachRemaining(e -> parts.add(e.getKey() + " " + e.getValue().asLong()));
        return String.join(", ", parts);
    }

    static String row(final String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    static String num(final double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.3g", value);
    }
}
