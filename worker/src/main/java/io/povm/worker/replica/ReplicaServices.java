// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.replica;

import io.povm.api.Job;
import io.povm.worker.attestation.FaultyMode;
import io.povm.worker.attestation.FaultyPlan;
import io.povm.worker.attestation.Reveals;
import io.povm.worker.health.StatusBoard;
import io.povm.worker.health.WorkerMetrics;
import io.povm.worker.job.ImageGate;
import io.povm.worker.job.JobRunner;
import io.povm.worker.journal.ReportJournal;
import io.povm.worker.ledger.Ledger;
import java.util.Objects;

/**
 * What every {@link ReplicaTask} of one worker works with.
 *
 * @param workerKey this worker's key on the ledger, {@code MSP/NAME}
 * @param ledger the chaincode
 * @param runner runs jobs in the sandbox
 * @param gate this org's image rules
 * @param journal the fsynced record of every replica's stage
 * @param reveals builds and signs the attestations with this worker's identity and key
 * @param faulty how the worker misbehaves on purpose, replica by replica (tests only)
 */
public record ReplicaServices(
        String workerKey,
        Ledger ledger,
        JobRunner runner,
        ImageGate gate,
        ReportJournal journal,
        StatusBoard board,
        WorkerMetrics metrics,
        Reveals reveals,
        FaultyPlan faulty) {
    public ReplicaServices {
        Objects.requireNonNull(workerKey, "workerKey");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(reveals, "reveals");
        Objects.requireNonNull(faulty, "faulty");
    }

    /** @return how the worker misbehaves on replica {@code index} of {@code job} ({@link FaultyMode#NONE}: not) */
    public FaultyMode faultyMode(final Job job, final int index) {
        return faulty.modeFor(job.id(), index, job.spec().redundancy().initialReplicas());
    }
}
