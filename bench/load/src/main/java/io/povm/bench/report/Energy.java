// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The energy and CO₂ model of results.md: measured CPU-seconds times an assumed power per busy core, times an assumed
 * carbon intensity of electricity. Both assumptions come from the run's meta data ({@code scripts/bench
 * --watts-per-core}, {@code --grams-co2-per-kwh}) and are printed with their sources, so a reader can redo the sums
 * with their own machine's and grid's figures.
 */
final class Energy {
    private static final double SECONDS_PER_HOUR = 3600;
    private static final double MINUTES_PER_DAY = 24 * 60;

    private Energy() {}

    static void append(final StringBuilder md, final JsonNode report) {
        final JsonNode meta = report.path("meta");
        final double watts = meta.path("watts per busy core").asDouble(0);
        final double grams = meta.path("gCO2 per kWh").asDouble(0);
        if (watts <= 0) {
            return;
        }
        md.append("\n## Energy and CO₂ (model: measured CPU-seconds × ")
                .append(Markdown.num(watts))
                .append(" W per busy core × ")
                .append(Markdown.num(grams))
                .append(" gCO₂/kWh)\n\n");
        md.append("- watts per busy core: ")
                .append(meta.path("watts source").asText())
                .append('\n');
        md.append("- carbon intensity: ")
                .append(meta.path("gCO2 source").asText())
                .append("\n\n");
        md.append("| figure | energy | CO₂ |\n| --- | ---: | ---: |\n");
        for (JsonNode r : report.path("load")) {
            final double cpuSeconds = r.path("cpuMsPerValidTx").asDouble() / 1000;
            if (cpuSeconds > 0) {
                final double wh = cpuSeconds * watts / SECONDS_PER_HOUR;
                md.append(Markdown.row(
                        r.path("name").asText() + ", per 1,000 VALID transactions",
                        String.format(Locale.ROOT, "%.3g Wh", 1000 * wh),
                        String.format(Locale.ROOT, "%.3g g", 1000 * wh / 1000 * grams)));
            }
        }
        final JsonNode idle = report.path("idle");
        if (!idle.isMissingNode() && !idle.isNull()) {
            final double cpuPerMinute = idle.path("fabricCpuSecondsPerMinute").asDouble()
                    + idle.path("povmCpuSecondsPerMinute").asDouble();
            final double whPerDay = cpuPerMinute * MINUTES_PER_DAY * watts / SECONDS_PER_HOUR;
            md.append(Markdown.row(
                    "idle network (P8), per day",
                    String.format(Locale.ROOT, "%.3g Wh", whPerDay),
                    String.format(Locale.ROOT, "%.3g g", whPerDay / 1000 * grams)));
        }
        for (JsonNode u : report.path("useful")) {
            final double wh = u.path("protocolCpuSecondsPerJob").asDouble() * watts / SECONDS_PER_HOUR;
            if (wh > 0) {
                md.append(Markdown.row(
                        "P4 " + u.path("setting").asText() + ", protocol overhead per job ("
                                + String.format(
                                        Locale.ROOT,
                                        "%.1f%%",
                                        100 * u.path("usefulShare").asDouble())
                                + " of the energy went into the jobs)",
                        String.format(Locale.ROOT, "%.3g Wh", wh),
                        String.format(Locale.ROOT, "%.3g g", wh / 1000 * grams)));
            }
        }
        md.append("\nHashcash (proof of work) puts 0% of its energy into anyone's work; these figures are povm's "
                + "protocol overhead, the energy not spent on customers' jobs.\n");
    }
}
