// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.OrgRecord;
import io.povm.api.Worker;
import io.povm.api.WorkerRecord;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code povm worker status [KEY]}: a worker's state, track record and reputation, and its org's. */
@Command(
        name = "status",
        header = "Show a worker's state, track record and reputation.",
        mixinStandardHelpOptions = true,
        description = {
            "Show a worker's state and last heartbeat, its track record (results,",
            "agreements, disagreements, timeouts, faults, SLA violations, releases),",
            "its reputation score (agreements+1)/(agreements+bad+2) against the",
            "assignment floor 1/4, its payout share, and its org's summed record.",
            "Without KEY: the worker the profile's identity is."
        },
        footer = {
            "",
            "Examples:",
            "  povm worker status --profile org1-user2",
            "  povm worker status Org2MSP/w1 -o json"
        })
final class WorkerStatusCommand extends WorkerClientCommand {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "KEY",
            description = "MSP/NAME, or a NAME of the profile's org; default: the profile's own worker.")
    private String key;

    WorkerStatusCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        if (key != null) {
            checkKey(key);
        }
    }

    @Override
    void run(final WorkerSession session, final PrintWriter out) {
        final Worker worker =
                key == null ? session.workers().whoami() : session.workers().get(resolve(key, session));
        final WorkerRecord record = session.workers().record(worker.workerKey());
        final OrgRecord org = session.workers().orgRecord(worker.msp());
        final View view = new View(worker, record, Score.of(record), org);
        if (common().output() == OutputFormat.JSON) {
            printJson(view, out);
        } else {
            print(view, out);
        }
    }

    private static void print(final View view, final PrintWriter out) {
        final Worker worker = view.worker();
        final WorkerRecord record = view.record();
        final OrgRecord org = view.org();
        field(out, "worker", worker.key() + " (" + worker.state() + ")");
        field(
                out,
                "slots",
                worker.freeSlots().isPresent()
                        ? worker.freeSlots().getAsInt() + " free of "
                                + worker.offer().slots()
                        : worker.offer().slots() + " (no heartbeat yet)");
        field(out, "heartbeat", worker.lastHeartbeatAt().orElse("-"));
        field(
                out,
                "record",
                String.format(
                        "%d results: %d agreements, %d disagreements, %d timeouts, %d faults, %d violations;"
                                + " %d releases",
                        record.results(),
                        record.agreements(),
                        record.disagreements(),
                        record.timeouts(),
                        record.faults(),
                        record.violations(),
                        record.releases()));
        field(
                out,
                "score",
                view.score().againstFloor()
                        + (view.score().meetsFloor() ? ": takes new replicas" : ": takes no new replicas"));
        field(out, "payout", view.score().payoutPermille() / 10.0 + " % of the job's pay per result");
        field(
                out,
                "org",
                String.format(
                        "%s: %d workers, %d results, %d agreements, %d disagreements, %d timeouts, %d faults,"
                                + " %d violations",
                        org.msp(),
                        org.workers(),
                        org.results(),
                        org.agreements(),
                        org.disagreements(),
                        org.timeouts(),
                        org.faults(),
                        org.violations()));
    }

    private static void field(final PrintWriter out, final String name, final String value) {
        out.println(String.format("%-10s %s", name, value));
    }

    /** What {@code -o json} prints: the worker, its record and score, and its org's record. */
    @JsonPropertyOrder({"worker", "record", "score", "org"})
    record View(
            @JsonProperty("worker") Worker worker,
            @JsonProperty("record") WorkerRecord record,
            @JsonProperty("score") Score score,
            @JsonProperty("org") OrgRecord org) {}
}
