// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.reputation;

import io.povm.api.CustomerRecord;
import io.povm.api.PovmException;
import io.povm.api.WorkerRecord;

/**
 * A worker's reputation, from its {@link WorkerRecord}. Its score is the Laplace estimate of how often it did right,
 * (agreements + 1) / (agreements + bad + 2), where bad counts disagreements with verdicts, timeouts (expired leases,
 * missing reveals), faults (reveals that did not open their commitment) and SLA violations; a new worker starts at
 * 1/2. The score decides two things (see {@code docs/consensus.md}):
 *
 * <ul>
 *   <li>the assignment floor: a worker is drawn for new replicas only while its score is at least {@value
 *       #FLOOR_NUMERATOR}/{@value #FLOOR_DENOMINATOR}; so a new worker that keeps disagreeing is excluded after its
 *       third bad mark, and a worker with 10 agreements after its 34th (paper 000's pain point: a host that never
 *       produced a valid result kept getting work);
 *   <li>the payout multiplier, {@code 500 + 500 * score} per mille.
 * </ul>
 *
 * <p>Replicas a worker gives back on its own (releases) do not count against it. Integer arithmetic only, so every
 * endorser decides alike.
 */
public final class Reputation {
    static final int FLOOR_NUMERATOR = 1;
    static final int FLOOR_DENOMINATOR = 4;

    private Reputation() {}

    private static long good(final WorkerRecord record) {
        return record.agreements() + 1;
    }

    private static long bad(final WorkerRecord record) {
        return record.disagreements() + record.timeouts() + record.faults() + record.violations();
    }

    /** @return whether the record's score is at least the floor */
    public static boolean meetsFloor(final WorkerRecord record) {
        final long total = good(record) + bad(record) + 1;
        return good(record) * FLOOR_DENOMINATOR >= total * FLOOR_NUMERATOR;
    }

    /** @return the share of its pay a worker with this record receives, in thousandths: 500 + 500 * score */
    public static long payoutPermille(final WorkerRecord record) {
        final long total = good(record) + bad(record) + 1;
        return 500 + 500 * good(record) / total;
    }

    /**
     * A customer's standing: (jobs without violation + 1) / (jobs + 2) must be at least the same floor for it to
     * submit, so a customer whose jobs keep breaking their SLA's limits loses standing after a few of them.
     */
    public static boolean customerMeetsFloor(final CustomerRecord record) {
        final long good = record.jobs() - record.violations() + 1;
        return good * FLOOR_DENOMINATOR >= (record.jobs() + 2) * FLOOR_NUMERATOR;
    }

    /** @throws PovmException FORBIDDEN [caller] when the customer's standing is below the floor */
    public static void requireCustomerStanding(final CustomerRecord record) {
        if (!customerMeetsFloor(record)) {
            throw PovmException.forbidden(
                    "caller",
                    String.format(
                            "customer %s has %d job(s) with a verdict, %d of which broke their SLA's limits: standing"
                                    + " (%d-%d+1)/(%d+2) is below the floor %d/%d; declare what a job needs and pick"
                                    + " an SLA that allows it",
                            record.msp(),
                            record.jobs(),
                            record.violations(),
                            record.jobs(),
                            record.violations(),
                            record.jobs(),
                            FLOOR_NUMERATOR,
                            FLOOR_DENOMINATOR));
        }
    }

    /** @return why a record is below the floor, for error messages */
    public static String explain(final WorkerRecord record) {
        return String.format(
                "%s has %d agreement(s) against %d disagreement(s), %d timeout(s), %d fault(s) and %d violation(s):"
                        + " score (%d+1)/(%d+%d+2) is below the floor %d/%d",
                record.workerKey(),
                record.agreements(),
                record.disagreements(),
                record.timeouts(),
                record.faults(),
                record.violations(),
                record.agreements(),
                record.agreements(),
                bad(record),
                FLOOR_NUMERATOR,
                FLOOR_DENOMINATOR);
    }
}
