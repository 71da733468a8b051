// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.JobLimits;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Sla;
import io.povm.api.SlaRef;
import io.povm.api.SlaSpec;
import io.povm.api.VmTerms;
import io.povm.client.PovmClientException;
import io.povm.client.sla.SlaClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code povm sla propose}: put a new SLA version on the ledger, from a file or from flags. */
@Command(
        name = "propose",
        header = "Propose an SLA.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Propose an SLA (needs an org admin profile): its terms from a file (-f),",
            "or NAME@VERSION and every term as flags. It is PROPOSED, with your org's",
            "approval counted, until a majority of member orgs approve it. Terms never",
            "change: other terms are a new version."
        },
        footer = {
            "",
            "Examples:",
            "  povm sla propose -f standard-1.json --profile org1-admin",
            "  povm sla propose standard@1 --profile org1-admin --cpu-millis 2000 \\",
            "      --memory-mib 2048 --disk-mib 10240 --max-wall-seconds 3600 \\",
            "      --min-benchmark-ops 50000 --price 10 \\",
            "      --max-input-bytes 1048576 --max-output-bytes 1048576",
            "",
            "SLA file:",
            "  {\"name\":\"standard\",\"version\":1,",
            "   \"vm\":{\"cpuMillis\":2000,\"memoryMiB\":2048,\"diskMiB\":10240,",
            "         \"maxWallSeconds\":3600,\"network\":\"none\",",
            "         \"minBenchmarkOpsPerSec\":50000,\"pricePerVmSecond\":10},",
            "   \"job\":{\"maxInputBytes\":1048576,\"maxOutputBytes\":1048576}}"
        })
final class SlaProposeCommand extends SlaClientCommand {
    @Option(
            names = {"-f", "--file"},
            paramLabel = "SLA",
            description = "Read the SLA (JSON) from this file, or from stdin for '-'.")
    private String file;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME@VERSION", description = "The new SLA, e.g. standard@2.")
    private String ref;

    @Option(names = "--cpu-millis", paramLabel = "N", description = "CPU per VM in millicores (1000 = one core).")
    private Integer cpuMillis;

    @Option(names = "--memory-mib", paramLabel = "N", description = "Memory per VM in MiB.")
    private Integer memoryMiB;

    @Option(names = "--disk-mib", paramLabel = "N", description = "Disk per VM in MiB.")
    private Integer diskMiB;

    @Option(names = "--max-wall-seconds", paramLabel = "N", description = "Longest a job may run, in seconds.")
    private Integer maxWallSeconds;

    @Option(
            names = "--pids-limit",
            paramLabel = "N",
            description = "Processes and threads a job may run at once; optional, default 64.")
    private Integer pidsLimit;

    @Option(
            names = "--network",
            paramLabel = "POLICY",
            description = "Network policy of the job's container; accepted: none (default).")
    private String network;

    @Option(
            names = "--min-benchmark-ops",
            paramLabel = "N",
            description = "Least standard-benchmark score a VM must reach, in operations per second.")
    private Long minBenchmarkOps;

    @Option(names = "--price", paramLabel = "CREDITS", description = "Price in whole credits per VM-second.")
    private Long price;

    @Option(names = "--max-input-bytes", paramLabel = "N", description = "Largest total input of a job, in bytes.")
    private Long maxInputBytes;

    @Option(names = "--max-output-bytes", paramLabel = "N", description = "Largest result of a job, in bytes.")
    private Long maxOutputBytes;

    private SlaSpec slaSpec;

    SlaProposeCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        final Map<String, Object> terms = terms();
        if (file != null) {
            if (ref != null
                    || terms.values().stream().anyMatch(v -> v != null)
                    || network != null
                    || pidsLimit != null) {
                throw new ParameterException(
                        spec().commandLine(), "give either -f/--file or NAME@VERSION and the term flags, not both");
            }
            slaSpec = parse(readFile());
            return;
        }
        if (ref == null) {
            throw new ParameterException(spec().commandLine(), "missing NAME@VERSION (or give the SLA with -f/--file)");
        }
        terms.forEach((flag, value) -> {
            if (value == null) {
                throw new ParameterException(spec().commandLine(), "missing " + flag + " (or give the SLA with -f)");
            }
        });
        slaSpec = fromFlags();
    }

    @Override
    void run(final SlaClient slas, final PrintWriter out) {
        final Sla sla = slas.propose(slaSpec);
        if (common().output() == OutputFormat.JSON) {
            printJson(sla, out);
        } else {
            SlaTable.detail(sla, out);
        }
    }

    private Map<String, Object> terms() {
        final Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("--cpu-millis", cpuMillis);
        terms.put("--memory-mib", memoryMiB);
        terms.put("--disk-mib", diskMiB);
        terms.put("--max-wall-seconds", maxWallSeconds);
        terms.put("--min-benchmark-ops", minBenchmarkOps);
        terms.put("--price", price);
        terms.put("--max-input-bytes", maxInputBytes);
        terms.put("--max-output-bytes", maxOutputBytes);
        return terms;
    }

    private String readFile() {
        try {
            if ("-".equals(file)) {
                return new String(context().stdin().readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec().commandLine(), "cannot read SLA file " + file + ": no such file");
        } catch (IOException e) {
            throw new ParameterException(spec().commandLine(), "cannot read SLA file " + file + ": " + e);
        }
    }

    private static SlaSpec parse(final String json) {
        try {
            return PovmJson.read(json, SlaSpec.class);
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }

    private SlaSpec fromFlags() {
        try {
            final SlaRef parsed = SlaRef.parse(ref, "ref");
            final VmTerms vm = VmTerms.builder()
                    .cpuMillis(cpuMillis)
                    .memoryMiB(memoryMiB)
                    .diskMiB(diskMiB)
                    .maxWallSeconds(maxWallSeconds)
                    .network(network == null ? VmTerms.NETWORK_NONE : network)
                    .minBenchmarkOpsPerSec(minBenchmarkOps)
                    .pricePerVmSecond(price)
                    .pidsLimit(pidsLimit)
                    .build();
            return new SlaSpec(parsed.name(), parsed.version(), vm, new JobLimits(maxInputBytes, maxOutputBytes));
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }
}
