package io.povm.worker.journal;

import java.util.EnumSet;
import java.util.Set;

/** Where this worker is with one replica, as recorded in the {@link ReportJournal}. */
public enum ReplicaStage {
    /** The worker acknowledged the replica's lease; it has not got a result yet. */
    ACCEPTED,
    /** The replica ran; its result is journaled and waits to be reported (after a crash: re-submit it, never re-run). */
    RESULT_READY,
    /** The ledger confirmed the report; finished. */
    REPORTED,
    /** The worker gave the replica back (e.g. its image is not allowed, or the start window passed); finished. */
    RELEASED,
    /** The worker gave up on the replica (e.g. drain timeout, lease expired on the ledger); finished. */
    ABANDONED;

    /** @return whether nothing more will happen to the replica on this worker */
    public boolean isFinished() {
        return this == REPORTED || this == RELEASED || this == ABANDONED;
    }

    /** @return the stages a replica may move to from this one */
    Set<ReplicaStage> next() {
        switch (this) {
            case ACCEPTED:
                return EnumSet.of(RESULT_READY, RELEASED, ABANDONED);
            case RESULT_READY:
                return EnumSet.of(REPORTED, ABANDONED);
            default:
                return EnumSet.noneOf(ReplicaStage.class);
        }
    }
}
