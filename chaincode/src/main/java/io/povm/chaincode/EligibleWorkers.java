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

    private EligibleWorkers(final List<Candidate> candidates, final String whyNone) {
        this.candidates = candidates;
        this.whyNone = whyNone;
    }

    static EligibleWorkers forSla(final WorkerLedger workers, final WorkerRecordLedger records, final String slaRef) {
        final List<WorkerKey> serving = workers.activeServing(slaRef);
        final List<Worker> free = serving.stream()
                .map(workers::find)
                .flatMap(Optional::stream)
                .filter(worker -> worker.freeSlots().orElse(1) > 0)
                .toList();
        final List<Candidate> reputable = free.stream()
                .filter(worker -> Reputation.meetsFloor(records.find(worker.key())))
                .map(EligibleWorkers::candidate)
                .toList();
        final String whyNone;
        if (serving.isEmpty()) {
            whyNone = "no ACTIVE worker serves SLA " + slaRef;
        } else if (free.isEmpty()) {
            whyNone = serving.size() + " ACTIVE worker(s) serve SLA " + slaRef + " but none has a free slot";
        } else {
            whyNone = free.size() + " worker(s) serving SLA " + slaRef
                    + " have a free slot but none meets the reputation floor";
        }
        return new EligibleWorkers(reputable, whyNone);
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
}
