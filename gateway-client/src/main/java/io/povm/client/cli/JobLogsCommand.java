// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.Job;
import io.povm.api.JobHistory;
import io.povm.api.JobVersion;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.SlaLimit;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code povm job logs ID}: a job's story, oldest first (each committed version's changes, as {@code job watch}
 * prints them), then what each replica's run reported: exit code, limit hit, times and inline output.
 */
@Command(
        name = "logs",
        header = "Show a job's events and its replicas' runs.",
        mixinStandardHelpOptions = true,
        description = {
            "Show a job's events, oldest first: every committed change of its",
            "state, replicas, commits and reveals, verdict and dispute, with time",
            "and transaction; then each replica's reported run: exit code, SLA",
            "limit hit, wall and CPU time, and its inline output (results of up to",
            "4 KiB travel inline; longer ones by hash only)."
        },
        footer = {"", "Examples:", "  povm job logs job-1a2b3c4d", "  povm job logs job-1a2b3c4d -o json"})
final class JobLogsCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
    private String id;

    JobLogsCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        final View view = View.of(jobs.history(id));
        if (common().output() == OutputFormat.JSON) {
            printJson(view, out);
            return;
        }
        for (Event event : view.events()) {
            for (String line : event.changes()) {
                out.println(event.at() + "  " + line);
            }
        }
        for (Output output : view.outputs()) {
            out.println();
            out.println("== replica " + output.replica() + " (" + output.worker() + "): " + output.state()
                    + (output.exitCode() == null ? "" : ", exit code " + output.exitCode())
                    + (output.limitHit() == null ? "" : ", limit hit " + output.limitHit())
                    + (output.wallMillis() == null
                            ? ""
                            : ", wall " + output.wallMillis() + " ms, cpu " + output.cpuMillis() + " ms"));
            if (output.output() != null) {
                out.print(output.output().endsWith("\n") ? output.output() : output.output() + "\n");
            } else if (output.exitCode() != null) {
                out.println("(no inline output; its result hash is " + output.resultHash() + ")");
            }
        }
    }

    /**
     * What {@code -o json} prints.
     *
     * @param jobId the job
     * @param events its committed versions, oldest first, each with what changed
     * @param outputs what each replica of the latest version reported, in replica order
     */
    @JsonPropertyOrder({"jobId", "events", "outputs"})
    record View(
            @JsonProperty("jobId") String jobId,
            @JsonProperty("events") List<Event> events,
            @JsonProperty("outputs") List<Output> outputs) {
        static View of(final JobHistory history) {
            final List<JobVersion> oldestFirst = new ArrayList<>(history.versions());
            Collections.reverse(oldestFirst);
            final List<Event> events = new ArrayList<>();
            Optional<Job> previous = Optional.empty();
            for (JobVersion version : oldestFirst) {
                final List<String> changes;
                if (version.job().isPresent()) {
                    changes = JobChanges.between(previous, version.job().get());
                    previous = version.job();
                } else {
                    changes = List.of("deleted");
                }
                events.add(new Event(version.timestamp(), version.txId(), changes));
            }
            final List<Output> outputs = previous.map(
                            job -> job.replicas().stream().map(Output::of).toList())
                    .orElse(List.of());
            return new View(history.id(), events, outputs);
        }
    }

    /** One committed version: when, in which transaction, what changed. */
    @JsonPropertyOrder({"at", "txId", "changes"})
    record Event(
            @JsonProperty("at") String at,
            @JsonProperty("txId") String txId,
            @JsonProperty("changes") List<String> changes) {}

    /** What one replica reported; the result fields are absent before it revealed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "replica",
        "worker",
        "state",
        "exitCode",
        "limitHit",
        "wallMillis",
        "cpuMillis",
        "resultHash",
        "output"
    })
    record Output(
            @JsonProperty("replica") int replica,
            @JsonProperty("worker") String worker,
            @JsonProperty("state") String state,
            @JsonProperty("exitCode") Integer exitCode,
            @JsonProperty("limitHit") String limitHit,
            @JsonProperty("wallMillis") Long wallMillis,
            @JsonProperty("cpuMillis") Long cpuMillis,
            @JsonProperty("resultHash") String resultHash,
            @JsonProperty("output") String output) {
        static Output of(final Replica replica) {
            final Optional<ReplicaResult> result = replica.result();
            return new Output(
                    replica.index(),
                    replica.workerKey(),
                    replica.state().name(),
                    result.map(ReplicaResult::exitCode).orElse(null),
                    result.map(ReplicaResult::limitHit)
                            .filter(limit -> limit != SlaLimit.NONE)
                            .map(Enum::name)
                            .orElse(null),
                    result.map(ReplicaResult::wallMillis).orElse(null),
                    result.map(ReplicaResult::cpuMillis).orElse(null),
                    result.map(ReplicaResult::resultHash).orElse(null),
                    result.flatMap(ReplicaResult::output).orElse(null));
        }
    }
}
