package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Redundancy;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code povm job submit}: put a job on the ledger, from a spec file or from flags. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = {
            "Submit a job: a digest-pinned image, the command to run in it, an SLA",
            "and a number of replicas. Give either a spec file (-f) or the flags and",
            "the command after --. Resubmitting the identical spec with the same id",
            "returns the stored job."
        },
        footer = {
            "",
            "Examples:",
            "  povm job submit --image povm/coinflip@sha256:<64 hex> --replicas 3 \\",
            "      -- coinflip --k 5",
            "  povm job submit --id flip-1 --env SEED=7 \\",
            "      --image povm/coinflip@sha256:<64 hex> -- coinflip",
            "  povm job submit -f spec.json -o json",
            "  cat spec.json | povm job submit -f -",
            "",
            "Spec file:",
            "  {\"id\":\"flip-1\",\"image\":\"povm/coinflip@sha256:<64 hex>\",",
            "   \"command\":[\"coinflip\",\"--k\",\"5\"],\"env\":{\"SEED\":\"7\"},",
            "   \"sla\":\"standard@1\",\"redundancy\":{\"mode\":\"k-vote\",\"replicas\":3}}"
        })
final class JobSubmitCommand extends ClientCommand {
    private static final String DEFAULT_SLA = "standard@1";

    @Option(
            names = {"-f", "--file"},
            paramLabel = "SPEC",
            description = "Read the job spec (JSON) from this file, or from stdin for '-'.")
    private String file;

    @Option(names = "--id", paramLabel = "ID", description = "The job's id (default: job-<8 random hex digits>).")
    private String id;

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            description = "Container image pinned by digest: name@sha256:<64 hex>.")
    private String image;

    @Option(
            names = "--sla",
            paramLabel = "NAME@VERSION",
            description = "Service-level agreement (default: " + DEFAULT_SLA + ").")
    private String sla;

    @Option(
            names = "--replicas",
            paramLabel = "K",
            description = "Replicas voting on the result, odd, 1 to 15 (default: 1).")
    private Integer replicas;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "An environment variable for the job; repeatable.")
    private Map<String, String> env;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its arguments, after --.")
    private List<String> command;

    private JobSpec jobSpec;

    JobSubmitCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        if (file != null) {
            if (id != null || image != null || sla != null || replicas != null || env != null || command != null) {
                throw new ParameterException(
                        spec().commandLine(), "give either -f/--file or the flags and command, not both");
            }
            jobSpec = parse(readSpec());
        } else {
            if (image == null) {
                throw new ParameterException(spec().commandLine(), "missing --image (or give a spec with -f/--file)");
            }
            jobSpec = fromFlags();
        }
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        final Job job = jobs.submit(jobSpec);
        if (common().output() == OutputFormat.JSON) {
            printJson(job, out);
        } else {
            JobTable.detail(job, out);
        }
    }

    private String readSpec() {
        try {
            if ("-".equals(file)) {
                return new String(context().stdin().readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec().commandLine(), "cannot read spec file " + file + ": no such file");
        } catch (IOException e) {
            throw new ParameterException(spec().commandLine(), "cannot read spec file " + file + ": " + e);
        }
    }

    private static JobSpec parse(final String json) {
        try {
            return PovmJson.read(json, JobSpec.class);
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }

    private JobSpec fromFlags() {
        try {
            return new JobSpec(
                    id == null ? context().newJobId().get() : id,
                    image,
                    command == null ? List.of() : new ArrayList<>(command),
                    env == null ? Map.of() : new TreeMap<>(env),
                    sla == null ? DEFAULT_SLA : sla,
                    Redundancy.kVote(replicas == null ? 1 : replicas));
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }
}
