// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.chaincode.assignment.Candidate;
import io.povm.chaincode.reputation.Reputation;
import io.povm.chaincode.reputation.WorkerRecordLedger;
import io.povm.chaincode.worker.WorkerLedger;
import java.util.List;
import java.util.Optional;

/**
 * The workers that may take a replica of a job under an SLA: ACTIVE, serving that SLA (one range read of the
 * worker-by-sla index, re-checked by Fabric at commit), and with a free slot by their last heartbeat (a worker that
 * has not sent one yet counts as free), and whose track record meets the {@link Reputation} floor. Also says which
 * constraint failed when none is left.
 */
final class EligibleWorkers {
    private final List<Candidate> candidates;
    private final String whyNone;
    private final int orgsServing;

    private EligibleWorkers(final List<Candidate> candidates, final String whyNone, final int orgsServing) {
        this.candidates = candidates;
        this.whyNone = whyNone;
        this.orgsServing = orgsServing;
    }

    static EligibleWorkers forSla(final WorkerLedger workers, final WorkerRecordLedger records, final String slaRef) {
        final List<WorkerKey> serving = workers.activeServing(slaRef);
        final List<Worker> reputableServing = serving.stream()
                .map(workers::find)
                .flatMap(Optional::stream)
                .filter(worker -> Reputation.meetsFloor(records.find(worker.key())))
                .toList();
        final List<Worker> free = reputableServing.stream()
                .filter(worker -> worker.freeSlots().orElse(1) > 0)
                .toList();
        final List<Candidate> reputable =
                free.stream().map(EligibleWorkers::candidate).toList();
        final int orgsServing =
                (int) reputableServing.stream().map(Worker::msp).distinct().count();
        final String whyNone;
        if (serving.isEmpty()) {
            whyNone = "no ACTIVE worker serves SLA " + slaRef;
        } else if (reputableServing.isEmpty()) {
            whyNone = serving.size() + " ACTIVE worker(s) serve SLA " + slaRef + " but none meets the reputation floor";
        } else {
            whyNone = reputableServing.size() + " ACTIVE worker(s) serve SLA " + slaRef + " but none has a free slot";
        }
        return new EligibleWorkers(reputable, whyNone, orgsServing);
    }

    private static Candidate candidate(final Worker worker) {
        return new Candidate(worker.key(), worker.msp());
    }

    List<Candidate> candidates() {
        return candidates;
    }

    String whyNone() {
        return whyNone;
    }

    /** @return how many orgs have an ACTIVE, reputable worker serving the SLA, free or busy */
    int orgsServing() {
        return orgsServing;
    }
}
