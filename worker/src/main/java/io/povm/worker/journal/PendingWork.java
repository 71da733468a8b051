package io.povm.worker.journal;

import java.util.List;

/**
 * What a restarted daemon must finish, from the journal: replicas it accepted but has no result for (run them again
 * if the lease and start window allow, otherwise release them), and results it has not seen confirmed (re-submit
 * exactly these results; never run such a replica again).
 */
public final class PendingWork {
    private final List<ReplicaRecord> accepted;
    private final List<ReplicaRecord> resultsToReport;

    PendingWork(final List<ReplicaRecord> accepted, final List<ReplicaRecord> resultsToReport) {
        this.accepted = List.copyOf(accepted);
        this.resultsToReport = List.copyOf(resultsToReport);
    }

    /** @return replicas in {@link ReplicaStage#ACCEPTED}, oldest first */
    public List<ReplicaRecord> accepted() {
        return accepted;
    }

    /** @return replicas in {@link ReplicaStage#RESULT_READY}, oldest first, each with its result */
    public List<ReplicaRecord> resultsToReport() {
        return resultsToReport;
    }

    public boolean isEmpty() {
        return accepted.isEmpty() && resultsToReport.isEmpty();
    }

    @Override
    public String toString() {
        return accepted.size() + " accepted without result " + accepted + ", " + resultsToReport.size()
                + " result(s) to report " + resultsToReport;
    }
}
