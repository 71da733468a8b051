// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.beacon.JobAudit;
import io.povm.client.job.JobClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code povm job audit ID}: whether the beacon selected a job for a random audit; with {@code --start}, starts the
 * audit of a selected job (the worker daemons do so on their own).
 */
@Command(
        name = "audit",
        header = "Show whether the beacon selected a job for an audit.",
        mixinStandardHelpOptions = true,
        description = {
            "Show whether a job is audited at random: its audit round (the first",
            "beacon round opened after its soft verdict), the audit rate that round",
            "froze, and whether the round's seed selected it. With --start, start",
            "the audit of a selected job: as many workers that never ran it re-run",
            "it, and their majority decides (docs/beacon.md). The worker daemons",
            "start audits on their own; --start is for a network without them."
        },
        footer = {
            "",
            "Examples:",
            "  povm job audit job-1a2b3c4d",
            "  povm job audit job-1a2b3c4d -o json",
            "  povm job audit job-1a2b3c4d --start"
        })
final class JobAuditCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
    private String id;

    @Option(names = "--start", description = "Start the audit of a job its round selected, then show the job's result.")
    private boolean start;

    JobAuditCommand(final CliContext context) {
        super(context);
    }

    @Override
    void run(final JobClient jobs, final PrintWriter out) {
        if (start) {
            JobResultCommand.print(jobs.audit(id), common().output(), out);
        } else {
            print(jobs.jobAudit(id), out, JobAuditCommand::table);
        }
    }

    private static void table(final JobAudit audit, final PrintWriter out) {
        JobResultTable.field(out, "job", audit.jobId());
        JobResultTable.field(out, "state", audit.state() + " (" + meaning(audit.state()) + ")");
        JobResultTable.field(out, "audit round", audit.round() == null ? "-" : Long.toString(audit.round()));
        JobResultTable.field(out, "rate", audit.auditDen() == 0 ? "-" : audit.auditNum() + "/" + audit.auditDen());
        JobResultTable.field(out, "seed", audit.auditSeed() == null ? "-" : audit.auditSeed());
        if (!audit.note().isEmpty()) {
            JobResultTable.field(out, "note", audit.note());
        }
    }

    private static String meaning(final String state) {
        return switch (state) {
            case JobAudit.NONE -> "no soft verdict yet";
            case JobAudit.WAITING -> "the audit round has not opened";
            case JobAudit.OPEN -> "the audit round is open; the job cannot be finalized before it closes";
            case JobAudit.SELECTED -> "selected; the audit starts before the job is finalized";
            case JobAudit.NOT_SELECTED -> "not selected";
            case JobAudit.AUDITED -> "the audit re-run was drawn; see povm job result";
            default -> "unknown state";
        };
    }
}
