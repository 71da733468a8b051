// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.CustomerRecord;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.Worker;
import io.povm.api.WorkerPage;
import io.povm.api.WorkerRecord;
import io.povm.api.WorkerState;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import io.povm.client.worker.WorkerClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what {@link AssignmentDiagnosis} needs for a SUBMITTED job through the profile's connections: the SLA, the
 * registered workers, the records of those that could serve it, the submitter's standing. Opens the SLA and worker
 * connections only when the job is SUBMITTED.
 */
final class AssignmentProbe {
    private static final int PAGE = 100;
    /** Enough for any network this project runs; more pages than this are not read. */
    private static final int MAX_PAGES = 10;

    private AssignmentProbe() {}

    /** @return the diagnosis, or empty when the job is not SUBMITTED */
    static Optional<AssignmentDiagnosis> diagnose(
            final Job job, final JobClient jobs, final CliContext context, final String profile) {
        if (job.state() != JobState.SUBMITTED) {
            return Optional.empty();
        }
        final String sla = job.spec().sla();
        try (SlaSession slas = context.slaClients().open(profile);
                WorkerSession workers = context.workerClients().open(profile)) {
            final List<Worker> all = allWorkers(workers.workers());
            final Map<String, WorkerRecord> records = new TreeMap<>();
            all.stream()
                    .filter(worker -> worker.state() == WorkerState.ACTIVE
                            && worker.offer().slas().contains(sla))
                    .forEach(worker ->
                            records.put(worker.key(), workers.workers().record(worker.workerKey())));
            final AssignmentDiagnosis.Facts facts = new AssignmentDiagnosis.Facts(
                    sla,
                    job.spec().redundancy().initialReplicas(),
                    slas.slas().find(sla),
                    all,
                    records,
                    customer(job, jobs),
                    context.clock().instant());
            return AssignmentDiagnosis.of(job.state(), facts);
        }
    }

    /** Prints the diagnosis: the blocking constraint as {@code waiting: ...}, the rest as {@code note: ...}. */
    static void print(final AssignmentDiagnosis diagnosis, final PrintWriter out) {
        lines(diagnosis).forEach(out::println);
    }

    /** @return the blocking constraint as {@code waiting: ...}, the rest as {@code note: ...} */
    static List<String> lines(final AssignmentDiagnosis diagnosis) {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < diagnosis.reasons().size(); i++) {
            lines.add((i == 0 && diagnosis.blocked() ? "waiting: " : "note: ")
                    + diagnosis.reasons().get(i));
        }
        return lines;
    }

    private static List<Worker> allWorkers(final WorkerClient workers) {
        final List<Worker> all = new ArrayList<>();
        String bookmark = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            final WorkerPage next = workers.list(Optional.empty(), Optional.empty(), PAGE, bookmark);
            all.addAll(next.workers());
            if (!next.hasMore()) {
                break;
            }
            bookmark = next.bookmark();
        }
        return all;
    }

    /** @return the submitter's standing; empty when this identity may not read it */
    private static Optional<CustomerRecord> customer(final Job job, final JobClient jobs) {
        try {
            return Optional.of(
                    jobs.customerRecord(job.submitter().msp(), job.submitter().id()));
        } catch (PovmClientException e) {
            if (e.kind() == PovmClientException.Kind.REJECTED) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
