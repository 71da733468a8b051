// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.LeaseTerms;
import io.povm.api.Replica;
import io.povm.chaincode.assignment.Candidate;
import io.povm.chaincode.assignment.SeedSource;
import java.util.Collection;

/**
 * What a transaction that may draw workers for a job's replicas needs from the ledger: the eligible workers (and why
 * none is, if so), the seed source, the transaction time and the SLA's lease terms.
 *
 * @param eligible workers that may take a replica (ACTIVE, serving the job's SLA, with a free slot, above the
 *     reputation floor)
 * @param whyNone why no worker is eligible, used when {@code eligible} is empty
 * @param at the transaction timestamp, ISO-8601 UTC with milliseconds
 * @param orgsServing how many orgs have a worker that would be eligible but for a free slot: when more orgs serve the
 *     SLA than have a free worker, a short assignment waits instead (their workers are only busy)
 */
public record ReplicaDraw(
        Collection<Candidate> eligible,
        String whyNone,
        SeedSource seeds,
        String at,
        LeaseTerms lease,
        int orgsServing) {

    /** A draw where every serving org has a free worker. */
    public ReplicaDraw(
            final Collection<Candidate> eligible,
            final String whyNone,
            final SeedSource seeds,
            final String at,
            final LeaseTerms lease) {
        this(eligible, whyNone, seeds, at, lease, (int)
                eligible.stream().map(Candidate::msp).distinct().count());
    }

    /** @return a newly assigned replica for a drawn worker, with its start deadline */
    Replica assign(final int index, final Candidate worker) {
        return Replica.assigned(index, worker.workerKey(), worker.msp(), LeaseDeadlines.acknowledgeBy(at, lease));
    }
}
