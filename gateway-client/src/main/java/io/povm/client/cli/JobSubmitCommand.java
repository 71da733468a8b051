// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.JobInput;
import io.povm.api.JobResources;
import io.povm.api.JobSpec;
import io.povm.api.JobSpecValidator;
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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code povm job submit}: put a job on the ledger, from a spec file or from flags. */
@Command(
        name = "submit",
        header = "Submit a job.",
        mixinStandardHelpOptions = true,
        description = {
            "Submit a job: a digest-pinned image, the command to run in it, an SLA,",
            "a redundancy scheme and a deadline. Give a job file (-f, JSON or YAML),",
            "the flags and the command after --, or both: flags override the file.",
            "Resubmitting the identical spec with the same id returns the stored",
            "job. When no worker could take the job now, a warning on stderr says",
            "which constraint failed (no ACTIVE SLA, no worker offering it, all",
            "below the reputation floor, no free slot, no worker daemon running)."
        },
        footer = {
            "",
            "Examples:",
            "  povm job submit --image povm/coinflip@sha256:<64 hex> --replicas 3 \\",
            "      -- coinflip --k 5",
            "  povm job submit --id flip-1 --deadline 2h --env SEED=7 \\",
            "      --redundancy iterative:d=2,min=2,cap=7 \\",
            "      --input seed.txt=@seed.txt --cpu-millis 500 --memory-mib 256 \\",
            "      --image povm/coinflip@sha256:<64 hex> -- coinflip",
            "  povm job submit -f spec.json -o json",
            "  povm job submit -f flip.yaml --id flip-2 --env SEED=8",
            "  cat spec.json | povm job submit -f -",
            "",
            "Job file (JSON, or the same fields in YAML; id, sla, redundancy and",
            "deadline may be left out for the defaults, deadline may be a duration):",
            "  {\"id\":\"flip-1\",\"image\":\"povm/coinflip@sha256:<64 hex>\",",
            "   \"command\":[\"coinflip\",\"--k\",\"5\"],\"env\":{\"SEED\":\"7\"},",
            "   \"inputs\":[{\"name\":\"seed.txt\",\"data\":\"Nwo=\"}],",
            "   \"resources\":{\"cpuMillis\":500,\"memoryMiB\":256},\"sla\":\"standard@1\",",
            "   \"redundancy\":{\"mode\":\"k-vote\",\"replicas\":3},",
            "   \"deadline\":\"2026-11-20T11:00:00Z\"}",
            "  image: povm/coinflip@sha256:<64 hex>",
            "  command: [coinflip, --k, \"5\"]",
            "  redundancy: {mode: k-vote, replicas: 3}",
            "  deadline: 2h"
        })
final class JobSubmitCommand extends ClientCommand {
    private static final String DEFAULT_SLA = "standard@1";
    private static final String DEFAULT_DEADLINE = "24h";

    @Option(
            names = {"-f", "--file"},
            paramLabel = "SPEC",
            description = "Read the job from this file (JSON, or YAML), or from stdin for '-'; flags override its"
                    + " fields.")
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
            description = "Shorthand for --redundancy k-vote:K: replicas voting, odd, 1 to 15 (default: 1).")
    private Integer replicas;

    @Option(
            names = "--redundancy",
            paramLabel = "MODE",
            description = "k-vote:K (K odd, 1 to 15), iterative:d=D,min=M,cap=C (margin D 1 to 5, D <= M <= C <= 15) or"
                    + " adaptive:K (one replica, spot-checked by K unless its worker is trusted; K odd, 3"
                    + " to 15).")
    private String redundancy;

    @Option(
            names = "--deadline",
            paramLabel = "WHEN",
            description = "When the job must be finalized: an ISO-8601 UTC instant, or a duration from now such as"
                    + " 90s, 30m, 1h, 2d, 1h30m; 60 s to 7 days ahead (default: " + DEFAULT_DEADLINE + ").")
    private String deadline;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "An environment variable for the job; repeatable.")
    private Map<String, String> env;

    @Option(
            names = "--input",
            paramLabel = "INPUT",
            description = "An input; repeatable: NAME=@FILE (inline, at most 16 KiB in all) or"
                    + " NAME=sha256:<64 hex>:<size in bytes>@<url> (fetched by the worker).")
    private List<String> inputs;

    @Option(names = "--cpu-millis", paramLabel = "N", description = "CPU the job needs, in millicores.")
    private Integer cpuMillis;

    @Option(names = "--memory-mib", paramLabel = "N", description = "Memory the job needs, in MiB.")
    private Integer memoryMiB;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its arguments, after --.")
    private List<String> command;

    private JobSpec jobSpec;

    JobSubmitCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        if (replicas != null && redundancy != null) {
            throw new ParameterException(spec().commandLine(), "give either --replicas or --redundancy, not both");
        }
        try {
            if (file != null) {
                jobSpec = override(parse(JobFile.toSpecJson(
                        file,
                        readSpec(),
                        context().newJobId(),
                        DEFAULT_SLA,
                        DEFAULT_DEADLINE,
                        context().clock())));
            } else if (image == null) {
                throw new ParameterException(spec().commandLine(), "missing --image (or give a job file with -f)");
            } else {
                jobSpec = fromFlags();
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec().commandLine(), e.getMessage());
        }
        try {
            JobSpecValidator.validate(jobSpec);
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }

    /** @return the file's spec with each field a flag gives replaced; --env adds to and overrides its variables */
    private JobSpec override(final JobSpec base) {
        if (!anyFlag()) {
            return base;
        }
        final TreeMap<String, String> mergedEnv = new TreeMap<>(base.env());
        if (env != null) {
            mergedEnv.putAll(env);
        }
        final List<JobInput> given = new ArrayList<>();
        if (inputs != null) {
            inputs.forEach(input -> given.add(SpecOptions.input(input)));
        }
        final JobResources fileResources = base.resources().orElse(new JobResources(null, null));
        try {
            return JobSpec.builder(id == null ? base.id() : id)
                    .image(image == null ? base.image() : image)
                    .command(command == null ? base.command() : new ArrayList<>(command))
                    .env(mergedEnv)
                    .inputs(inputs == null ? base.inputs() : given)
                    .resources(new JobResources(
                            cpuMillis == null ? boxed(fileResources.cpuMillis()) : cpuMillis,
                            memoryMiB == null ? boxed(fileResources.memoryMiB()) : memoryMiB))
                    .sla(sla == null ? base.sla() : sla)
                    .redundancy(redundancyFlag().orElse(base.redundancy()))
                    .deadline(
                            deadline == null
                                    ? base.deadline()
                                    : SpecOptions.deadline(deadline, context().clock()))
                    .build();
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }

    private Optional<Redundancy> redundancyFlag() {
        if (redundancy != null) {
            return Optional.of(SpecOptions.redundancy(redundancy));
        }
        return Optional.ofNullable(replicas).map(Redundancy::kVote);
    }

    private static Integer boxed(final OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private boolean anyFlag() {
        return id != null
                || image != null
                || sla != null
                || replicas != null
                || redundancy != null
                || deadline != null
                || env != null
                || inputs != null
                || cpuMillis != null
                || memoryMiB != null
                || command != null;
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        final Job job = jobs.submit(jobSpec);
        if (common().output() == OutputFormat.JSON) {
            printJson(job, out);
        } else {
            JobTable.detail(job, out);
        }
        out.flush();
        warnIfStuck(job, jobs);
    }

    /** Says on stderr which constraint keeps every worker from taking the job, if one does. */
    private void warnIfStuck(final Job job, final JobClient jobs) {
        final PrintWriter err = spec().commandLine().getErr();
        try {
            AssignmentProbe.diagnose(job, jobs, context(), profile())
                    .filter(AssignmentDiagnosis::blocked)
                    .ifPresent(diagnosis -> {
                        err.println("warning: no worker can take job " + job.id() + " now; it waits on the ledger");
                        AssignmentProbe.print(diagnosis, err);
                    });
        } catch (PovmClientException e) {
            err.println("note: cannot tell whether a worker can take the job: " + e.getMessage());
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

    /** @throws IllegalArgumentException for a malformed --deadline, --redundancy or --input */
    private JobSpec fromFlags() {
        final Redundancy scheme = redundancy != null
                ? SpecOptions.redundancy(redundancy)
                : Redundancy.kVote(replicas == null ? 1 : replicas);
        final String when = SpecOptions.deadline(
                deadline == null ? DEFAULT_DEADLINE : deadline, context().clock());
        final List<JobInput> given = new ArrayList<>();
        if (inputs != null) {
            inputs.forEach(input -> given.add(SpecOptions.input(input)));
        }
        try {
            return JobSpec.builder(id == null ? context().newJobId().get() : id)
                    .image(image)
                    .command(command == null ? List.of() : new ArrayList<>(command))
                    .env(env == null ? Map.of() : new TreeMap<>(env))
                    .inputs(given)
                    .resources(new JobResources(cpuMillis, memoryMiB))
                    .sla(sla == null ? DEFAULT_SLA : sla)
                    .redundancy(scheme)
                    .deadline(when)
                    .build();
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }
}
