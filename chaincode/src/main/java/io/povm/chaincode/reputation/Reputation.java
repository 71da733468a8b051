package io.povm.chaincode.reputation;

import io.povm.api.WorkerRecord;

/**
 * The reputation floor for assignment. A worker's score is the Laplace estimate of its reliability, (results + 1) /
 * (results + timeouts + 2), so a new worker starts at 1/2; a worker is assigned new replicas only while its score is
 * at least {@value #FLOOR_NUMERATOR}/{@value #FLOOR_DENOMINATOR}. Replicas a worker gives back on its own (releases)
 * do not count against it. Integer arithmetic only, so every endorser decides alike.
 *
 * <p>So a new worker is excluded after 3 timeouts without a result, and a worker with 10 results after 33.
 * The attestation issue adds agreements and disagreements with verdicts to the score.
 */
public final class Reputation {
    static final int FLOOR_NUMERATOR = 1;
    static final int FLOOR_DENOMINATOR = 4;

    private Reputation() {}

    /** @return whether the record's score (results + 1) / (results + timeouts + 2) is at least the floor */
    public static boolean meetsFloor(final WorkerRecord record) {
        final long good = record.results() + 1;
        final long total = record.results() + record.timeouts() + 2;
        return good * FLOOR_DENOMINATOR >= total * FLOOR_NUMERATOR;
    }

    /**
     * The share of its pay a worker with this record receives, in thousandths: {@code 500 + 500 * score}, where
     * score is the Laplace estimate above. So a new worker gets 750, a worker with a long clean record nearly 1000.
     * See {@code docs/consensus.md}.
     */
    public static long payoutPermille(final WorkerRecord record) {
        final long good = record.results() + 1;
        final long total = record.results() + record.timeouts() + 2;
        return 500 + 500 * good / total;
    }

    /** @return why a record is below the floor, for error messages */
    public static String explain(final WorkerRecord record) {
        return String.format(
                "%s has %d result(s) and %d timeout(s): score (%d+1)/(%d+%d+2) is below the floor %d/%d",
                record.workerKey(),
                record.results(),
                record.timeouts(),
                record.results(),
                record.results(),
                record.timeouts(),
                FLOOR_NUMERATOR,
                FLOOR_DENOMINATOR);
    }
}
