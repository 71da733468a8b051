// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsefulAndScaleReportTest {
    @Test
    void p4_and_p5_get_their_tables_and_p4_its_energy_per_job(@TempDir final Path dir) throws Exception {
        Files.createDirectories(dir.resolve("parts"));
        Files.writeString(
                dir.resolve("parts/meta.json"),
                """
                {"watts per busy core":10,"watts source":"assumed","gCO2 per kWh":480,"gCO2 source":"Ember"}""");
        Files.writeString(
                dir.resolve("parts/useful.json"),
                """
                [{"setting":"10s-k3","seconds":10,"redundancy":"k3","jobs":2,"decided":2,"replicas":6,
                  "states":{"RESOLVED_SOFT":2},"wallSeconds":40,"usefulCpuSeconds":54,"overheadCpuSeconds":6,
                  "overheadByGroup":{"DAEMONS":1,"FABRIC":5},"usefulShare":0.9,"usefulCpuSecondsPerReplica":9,
                  "protocolCpuSecondsPerJob":3.6,"flipsPerCpuSecond":7000000}]""");
        Files.writeString(
                dir.resolve("parts/scale.json"),
                """
                {"scenario":"P5","pageSize":100,"sla":"bench-free@1","jobsBefore":12,"filledJobs":9988,
                 "fillSeconds":100,"fillJobsPerSecond":99.9,"failedBatches":0,
                 "points":[{"level":1000,"jobsOnLedger":1020,"submitMs":{"p50":300,"p90":400},
                            "getJobMs":{"p50":6,"p90":9},"listPageMs":{"p50":40,"p90":50},"listCpuMsPerPage":30,
                            "submitP50Ratio":1,"getJobP50Ratio":1,"listPageP50Ratio":1}],
                 "skipped":["100000: too slow"]}""");

        final int exit = new picocli.CommandLine(new ReportCommand()).execute("--dir", dir.toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(dir.resolve("results.md")))
                .contains(
                        "| 10s-k3 | 2 | 2 | 6 | RESOLVED_SOFT 2 | 40 | 54 | 9 | 6 | DAEMONS 1, FABRIC 5 | 90.0% | 3.60 |")
                .contains("| 1020 | 300 | 400 | 1 | 6 | 9 | 1 | 40 | 1 | 30 |")
                .contains("9988 jobs in 100 s, 99.9 jobs/s (0 failed batches); 12 jobs were on the ledger before")
                .contains("Skipped: 100000: too slow")
                .contains("seconds × 7000000 flips")
                // 3.6 CPU-s x 10 W = 0.01 Wh; x 480 g/kWh = 0.0048 g
                .contains("| P4 10s-k3, protocol overhead per job (90.0% of the energy went into the jobs) | 0.0100 Wh"
                        + " | 0.00480 g |");
    }
}
