// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.reputation;

import io.povm.api.WorkerRecord;
import io.povm.chaincode.assignment.SeededDraw;

/**
 * Adaptive replication (BOINC): a worker whose last {@value #TRUST_STREAK} or more verdicts all agreed with it is
 * trusted, and its single replica of an adaptive job is spot-checked (re-run by more workers) only with probability
 * 1/streak; anyone else's is always checked. The draw comes from the seed source, so the worker cannot know in
 * advance whether its answer will be checked. BOINC's figures: plain replication costs at least 50% of the CPU,
 * adaptive replication 5 to 10%.
 *
 * <p>INTERIM: with the transaction-id seed source the revealing worker could grind its transaction id to avoid the
 * check; the beacon (issue 6) gives a seed nobody knows in advance.
 */
public final class SpotCheck {
    /** Consecutive agreements after which a worker is trusted (BOINC's default). */
    public static final long TRUST_STREAK = 10;

    private SpotCheck() {}

    /** @return whether the worker with this record is trusted enough to be spot-checked at random */
    public static boolean trusted(final WorkerRecord record) {
        return record.streak() >= TRUST_STREAK;
    }

    /**
     * @param seed the job's spot-check seed
     * @return whether a trusted worker's answer goes unchecked: true with probability 1 - 1/streak; always false
     *     for a worker that is not trusted
     */
    public static boolean skipped(final WorkerRecord record, final byte[] seed) {
        return trusted(record) && new SeededDraw(seed).below(record.streak()) != 0;
    }
}
