// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.worker.ledger.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes other orgs' overdue leases: for each replica of an ASSIGNED or RUNNING job whose deadline passed (by this
 * host's clock, plus a grace period) and whose worker is of another org, calls ExpireLease. The chaincode decides on
 * the member orgs' clock ticks; a refusal (not enough ticks yet, or someone else was first) is expected and ignored.
 */
final class LeaseSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseSweeper.class);
    static final Duration GRACE = Duration.ofSeconds(2);

    private final Ledger ledger;
    private final String ownMsp;
    private final Instant now;

    LeaseSweeper(final Ledger ledger, final String ownMsp, final Instant now) {
        this.ledger = ledger;
        this.ownMsp = ownMsp;
        this.now = now;
    }

    void sweep() {
        for (final JobState state : List.of(JobState.ASSIGNED, JobState.RUNNING)) {
            final JobPage page = ledger.jobs(jobs -> jobs.listByState(state, 100, ""));
            for (final Job job : page.jobs()) {
                job.replicas().stream()
                        .filter(replica -> !replica.msp().equals(ownMsp) && overdue(replica, now))
                        .forEach(replica -> expire(job, replica));
            }
        }
    }

    /** @return whether the replica's current deadline passed, by this host's clock, more than {@link #GRACE} ago */
    static boolean overdue(final Replica replica, final Instant now) {
        final Optional<String> deadline = replica.state() == ReplicaState.ASSIGNED
                ? replica.acknowledgeBy()
                : replica.state() == ReplicaState.RUNNING ? replica.finishBy() : Optional.empty();
        return deadline.map(Instant::parse)
                .map(due -> now.isAfter(due.plus(GRACE)))
                .orElse(false);
    }

    private void expire(final Job job, final Replica replica) {
        try {
            ledger.jobs(jobs -> jobs.expireLease(job.id(), replica.index()));
            LOG.info("expired the lease of replica {}/{} held by {}", job.id(), replica.index(), replica.workerKey());
        } catch (RuntimeException e) {
            LOG.debug("lease of {}/{} not expired: {}", job.id(), replica.index(), e.getMessage());
        }
    }
}
