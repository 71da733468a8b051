package io.povm.worker.replica;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.PovmJson;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.SlaSpec;
import io.povm.client.PovmClientException;
import io.povm.worker.daemon.ReplicaMdc;
import io.povm.worker.health.StatusBoard;
import io.povm.worker.health.WorkerMetrics;
import io.povm.worker.job.GateDecision;
import io.povm.worker.job.ImageGate;
import io.povm.worker.job.JobOutcome;
import io.povm.worker.job.JobRunner;
import io.povm.worker.journal.ReplicaId;
import io.povm.worker.journal.ReplicaRecord;
import io.povm.worker.journal.ReplicaStage;
import io.povm.worker.journal.ReportJournal;
import io.povm.worker.ledger.Ledger;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica from assignment to report, resumable at every step through the journal:
 *
 * <ol>
 *   <li>a journal entry RESULT_READY means the run is done: only the report is sent (again);
 *   <li>otherwise the replica is read from the ledger: ASSIGNED is acknowledged, RUNNING was acknowledged before a
 *       crash and is run again (the job is deterministic), RESULT_COMMITTED was reported before a crash, anything
 *       else (expired, released) is no longer this worker's and is abandoned;
 *   <li>an image the org's gate refuses is released to another org's worker before it is acknowledged (and again
 *       after, should it disappear meanwhile); the job runs in the sandbox under the SLA's limits;
 *   <li>the result is journaled (fsynced) before it is reported, and the report is journaled after the commit.
 * </ol>
 */
public final class ReplicaTask {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaTask.class);

    private final ReplicaId id;
    private final String workerKey;
    private final Ledger ledger;
    private final JobRunner runner;
    private final ImageGate gate;
    private final ReportJournal journal;
    private final StatusBoard board;
    private final WorkerMetrics metrics;

    public ReplicaTask(
            final ReplicaId id,
            final String workerKey,
            final Ledger ledger,
            final JobRunner runner,
            final ImageGate gate,
            final ReportJournal journal,
            final StatusBoard board,
            final WorkerMetrics metrics) {
        this.id = Objects.requireNonNull(id, "id");
        this.workerKey = Objects.requireNonNull(workerKey, "workerKey");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.board = Objects.requireNonNull(board, "board");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public ReplicaId id() {
        return id;
    }

    /** Runs the replica to its report, or to the reason it was given up. Never throws. */
    public void run() {
        try (ReplicaMdc mdc = ReplicaMdc.of(id)) {
            final Optional<ReplicaRecord> record = journal.find(id);
            if (record.map(ReplicaRecord::stage)
                    .filter(ReplicaStage::isFinished)
                    .isPresent()) {
                return;
            }
            final Optional<String> ready =
                    record.filter(r -> r.stage() == ReplicaStage.RESULT_READY).flatMap(ReplicaRecord::resultJson);
            if (ready.isPresent()) {
                report(PovmJson.read(ready.get(), ReplicaResult.class));
                return;
            }
            runAndReport();
        } catch (RuntimeException e) {
            LOG.error("replica {} stopped: {}", id, e.toString(), e);
            metrics.jobFailed("error");
        }
    }

    private void runAndReport() {
        final Job job = ledger.jobs(jobs -> jobs.get(id.jobId()));
        if (id.replica() >= job.replicas().size()) {
            journal.abandoned(id, "the job has no replica " + id.replica());
            return;
        }
        final Replica replica = job.replicas().get(id.replica());
        if (!replica.workerKey().equals(workerKey)) {
            journal.abandoned(id, "replica belongs to " + replica.workerKey());
            return;
        }
        switch (replica.state()) {
            case ASSIGNED:
                final GateDecision decision = gate.check(job.spec().image());
                if (!decision.accepted()) {
                    release(decision.message());
                    return;
                }
                if (!acknowledge()) {
                    return;
                }
                break;
            case RUNNING:
                LOG.info("replica {} was acknowledged before a restart; running it again", id);
                break;
            case RESULT_COMMITTED:
                journal.resultReady(id, PovmJson.write(replica.result().orElseThrow()));
                journal.reported(id, "on the ledger before a restart");
                return;
            default:
                journal.abandoned(id, "replica is " + replica.state());
                return;
        }
        final SlaSpec sla = ledger.slas(slas -> slas.get(job.spec().sla())).spec();
        board.replicaStarted(id);
        final JobOutcome outcome;
        try {
            outcome = runner.run(ReplicaRequests.request(job, sla));
        } finally {
            board.replicaFinished(id);
        }
        if (outcome.status() == JobOutcome.Status.REFUSED) {
            release(outcome.gate().message());
            return;
        }
        final ReplicaResult result = ReplicaRequests.result(outcome);
        journal.resultReady(id, PovmJson.write(result));
        if (outcome.status() == JobOutcome.Status.SUCCEEDED) {
            metrics.jobRun();
        } else {
            metrics.jobFailed(
                    result.limitHit() == io.povm.api.SlaLimit.NONE
                            ? "exit-code"
                            : result.limitHit().name());
        }
        LOG.info(
                "replica {} ran: {} exit {} in {} ms, result {}",
                id,
                outcome.status(),
                result.exitCode(),
                result.wallMillis(),
                result.resultHash());
        report(result);
    }

    private boolean acknowledge() {
        try {
            ledger.jobs(jobs -> jobs.acknowledge(id.jobId(), id.replica()));
            LOG.info("acknowledged replica {}", id);
            return true;
        } catch (RuntimeException e) {
            if (!Ledger.isRejection(e)) {
                throw e;
            }
            journal.abandoned(id, "acknowledgement refused: " + e.getMessage());
            LOG.warn("replica {} could not be acknowledged: {}", id, e.getMessage());
            return false;
        }
    }

    private void release(final String why) {
        LOG.warn("replica {} refused by this org's image gate: {}; releasing it", id, why);
        metrics.jobFailed("image-refused");
        try {
            ledger.jobs(jobs -> jobs.release(id.jobId(), id.replica(), oneLine(why)));
            journal.released(id, why);
        } catch (RuntimeException e) {
            if (!Ledger.isRejection(e)) {
                throw e;
            }
            journal.abandoned(id, "release refused: " + e.getMessage());
        }
    }

    private void report(final ReplicaResult result) {
        try {
            // Interim until the worker reveals signed attestations: commit only (see docs/consensus.md).
            ledger.jobs(jobs -> jobs.commit(
                    id.jobId(),
                    id.replica(),
                    io.povm.api.Commitment.of(result.resultHash(), result.checkpointRoot(), id.jobId())));
            journal.reported(id, "committed");
            metrics.reportSubmitted();
            LOG.info("reported replica {}", id);
        } catch (RuntimeException e) {
            if (!Ledger.isRejection(e)) {
                throw e;
            }
            final Optional<ErrorCode> code = ((PovmClientException) e).errorCode();
            journal.abandoned(id, "report refused (" + code.map(Enum::name).orElse("?") + "): " + e.getMessage());
            LOG.warn("report of replica {} refused: {}", id, e.getMessage());
        }
    }

    private static String oneLine(final String text) {
        final String line = text.replaceAll("[\\r\\n]+", " ");
        return line.length() > 256 ? line.substring(0, 256) : line;
    }
}
