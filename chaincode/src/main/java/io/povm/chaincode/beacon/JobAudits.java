// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.Dispute;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.beacon.Audit;
import io.povm.api.beacon.JobAudit;
import io.povm.api.beacon.RoundHeader;
import io.povm.api.beacon.RoundResult;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Random audits (issue 6, item 5): when a job reaches its soft verdict, the first beacon round opened after it
 * becomes its audit round; once that round closes, its audit sub-seed and the audit rate it froze decide whether
 * as many workers as its first run had, none of which held one of its replicas, re-run it ({@link Audit#selected}). Nobody knew the seed when the
 * workers ran the job or when the verdict was counted, so a worker cannot tell which of its answers will be checked.
 *
 * <pre>{@code
 * JobAudits.onTransition(beacon, before, after); // every job write: records the audit round at the soft verdict
 * JobAudit audit = JobAudits.read(beacon, job);  // GetJobAudit, AuditJob, FinalizeJob
 * }</pre>
 */
public final class JobAudits {
    private JobAudits() {}

    /** Records the audit round, latest + 1, when the job enters RESOLVED_SOFT; does nothing otherwise. */
    public static void onTransition(final BeaconLedger beacon, final Job before, final Job after) {
        if (before.state() != JobState.RESOLVED_SOFT && after.state() == JobState.RESOLVED_SOFT) {
            beacon.auditJob(after.id(), beacon.latest() + 1);
        }
    }

    /** @return the job's audit from the ledger: its round, and whether that round selected it */
    public static JobAudit read(final BeaconLedger beacon, final Job job) {
        final Optional<Long> round = beacon.auditRoundOfJob(job.id());
        return of(job, round, round.flatMap(beacon::header), round.flatMap(beacon::result));
    }

    /** @return the job's audit, from its audit round's header and result when they exist */
    static JobAudit of(
            final Job job,
            final Optional<Long> round,
            final Optional<RoundHeader> header,
            final Optional<RoundResult> result) {
        final String id = job.id();
        final Optional<Long> audited = job.dispute().flatMap(Dispute::audit);
        if (audited.isPresent()) {
            return new JobAudit(
                    id,
                    audited.get(),
                    JobAudit.AUDITED,
                    num(header),
                    den(header),
                    result.map(RoundResult::auditSeed).orElse(null),
                    "re-run drawn by AuditJob");
        }
        if (round.isEmpty()) {
            return new JobAudit(
                    id, null, JobAudit.NONE, 0, 1, null, "the job has no soft verdict; it is audited after one");
        }
        final long r = round.get();
        if (header.isEmpty()) {
            return new JobAudit(
                    id,
                    r,
                    JobAudit.WAITING,
                    0,
                    1,
                    null,
                    "beacon round " + r + ", the first opened after the soft verdict, has not opened yet");
        }
        final long num = header.get().auditNum();
        final long den = header.get().auditDen();
        if (result.isEmpty()) {
            return new JobAudit(
                    id,
                    r,
                    JobAudit.OPEN,
                    num,
                    den,
                    null,
                    "beacon round " + r + " is open; its audit seed decides once it closes");
        }
        final String seed = result.get().auditSeed();
        final boolean selected = Audit.selected(HexFormat.of().parseHex(seed), id, num, den);
        return new JobAudit(
                id,
                r,
                selected ? JobAudit.SELECTED : JobAudit.NOT_SELECTED,
                num,
                den,
                seed,
                "SHA-256(auditSeed || jobId) x " + den + (selected ? " < " : " >= ") + num + " x 2^256: "
                        + (selected ? "selected" : "not selected") + " at " + num + "/" + den + " by round " + r);
    }

    private static long num(final Optional<RoundHeader> header) {
        return header.map(RoundHeader::auditNum).orElse(0L);
    }

    private static long den(final Optional<RoundHeader> header) {
        return header.map(RoundHeader::auditDen).orElse(1L);
    }
}
