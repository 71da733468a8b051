// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** results.md's tables of P4 (useful share at saturation) and P5 (scale). */
final class UsefulAndScale {
    private UsefulAndScale() {}

    static void useful(final StringBuilder md, final JsonNode useful) {
        if (!useful.isArray() || useful.isEmpty()) {
            return;
        }
        md.append("\n## P4 useful share at saturation: CPU-seconds inside job containers (attested) ÷ CPU-seconds of"
                + " the whole system (containers, orderers, peers, chaincode servers, worker daemons, dockerd,"
                + " containerd, the client), from submission until every job was decided\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Coin-flip jobs whose seeds were chosen for seconds × %d flips (the image's flips per CPU-second,"
                        + " calibrated with one job through the workers unless given); overhead includes the idle"
                        + " cost of the window.\n\n",
                useful.get(0).path("flipsPerCpuSecond").asLong()));
        md.append("| setting | jobs | decided | replicas | states | wall s | useful CPU-s | CPU-s per replica"
                + " | overhead CPU-s | overhead by part | useful share | protocol CPU-s per job |\n");
        md.append("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |\n");
        for (JsonNode s : useful) {
            md.append(Markdown.row(
                    s.path("setting").asText(),
                    Integer.toString(s.path("jobs").asInt()),
                    Integer.toString(s.path("decided").asInt()),
                    Integer.toString(s.path("replicas").asInt()),
                    pairs(s.path("states")),
                    Markdown.num(s.path("wallSeconds").asDouble()),
                    Markdown.num(s.path("usefulCpuSeconds").asDouble()),
                    Markdown.num(s.path("usefulCpuSecondsPerReplica").asDouble()),
                    Markdown.num(s.path("overheadCpuSeconds").asDouble()),
                    pairs(s.path("overheadByGroup")),
                    String.format(
                            Locale.ROOT, "%.1f%%", 100 * s.path("usefulShare").asDouble()),
                    Markdown.num(s.path("protocolCpuSecondsPerJob").asDouble())));
        }
    }

    static void scale(final StringBuilder md, final JsonNode scale) {
        if (scale.isMissingNode() || scale.isNull()) {
            return;
        }
        md.append("\n## P5 scale: latency at growing numbers of jobs on the ledger (ratio: p50 ÷ the first level's"
                        + " p50, same run)\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "Filled with SubmitJobs batches of 100 under %s: %d jobs in %s s, %s jobs/s (%d failed"
                                + " batches); %d jobs were on the ledger before.\n\n",
                        scale.path("sla").asText(),
                        scale.path("filledJobs").asLong(),
                        Markdown.num(scale.path("fillSeconds").asDouble()),
                        Markdown.num(scale.path("fillJobsPerSecond").asDouble()),
                        scale.path("failedBatches").asInt(),
                        scale.path("jobsBefore").asLong()));
        md.append("| jobs on the ledger | SubmitJob p50 ms | p90 ms | × first | GetJob p50 ms | p90 ms | × first"
                        + " | ListJobsByState page of ")
                .append(scale.path("pageSize").asInt())
                .append(" p50 ms | × first | network CPU-ms per page |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (JsonNode p : scale.path("points")) {
            md.append(Markdown.row(
                    Long.toString(p.path("jobsOnLedger").asLong()),
                    Markdown.num(p.path("submitMs").path("p50").asDouble()),
                    Markdown.num(p.path("submitMs").path("p90").asDouble()),
                    Markdown.num(p.path("submitP50Ratio").asDouble()),
                    Markdown.num(p.path("getJobMs").path("p50").asDouble()),
                    Markdown.num(p.path("getJobMs").path("p90").asDouble()),
                    Markdown.num(p.path("getJobP50Ratio").asDouble()),
                    Markdown.num(p.path("listPageMs").path("p50").asDouble()),
                    Markdown.num(p.path("listPageP50Ratio").asDouble()),
                    Markdown.num(p.path("listCpuMsPerPage").asDouble())));
        }
        for (JsonNode s : scale.path("skipped")) {
            md.append("\nSkipped: ").append(s.asText()).append('\n');
        }
    }

    private static String pairs(final JsonNode object) {
        final List<String> parts = new ArrayList<>();
        object.fields()
                .forEachRemaining(e ->
                        parts.add(e.getKey() + " " + Markdown.num(e.getValue().asDouble())));
        return String.join(", ", parts);
    }
}
