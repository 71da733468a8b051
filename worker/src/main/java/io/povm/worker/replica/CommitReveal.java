// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.replica;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.client.PovmClientException;
import io.povm.worker.attestation.FaultyMode;
import io.povm.worker.attestation.Nonces;
import io.povm.worker.attestation.Sealed;
import io.povm.worker.journal.ReplicaId;
import io.povm.worker.journal.ReportJournal;
import io.povm.worker.ledger.Ledger;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of a replica: commits the journaled commitment, then reveals the journaled reveal once no replica
 * of the job is leased any more (docs/consensus.md). Each step is journaled after the ledger confirmed it, and each
 * is safe to repeat: a commitment found on the ledger after a crash counts as committed, a replica found revealed or
 * faulted counts as revealed. A reveal that is not possible yet (replicas still leased, or the copier has nothing to
 * copy yet) is left for the next trigger: a chaincode event, the periodic sweep or a restart.
 */
final class CommitReveal {
    private static final Logger LOG = LoggerFactory.getLogger(CommitReveal.class);

    private final ReplicaId id;
    private final ReplicaServices services;
    private final Ledger ledger;
    private final ReportJournal journal;

    CommitReveal(final ReplicaId id, final ReplicaServices services) {
        this.id = Objects.requireNonNull(id, "id");
        this.services = Objects.requireNonNull(services, "services");
        this.ledger = services.ledger();
        this.journal = services.journal();
    }

    /** Commits, journals COMMITTED, and reveals when the window is already open. */
    void commit(final Sealed sealed) {
        Job job;
        try {
            job = ledger.jobs(jobs -> jobs.commit(id.jobId(), id.replica(), sealed.commitment()));
            journal.committed(id, "committed");
        } catch (RuntimeException e) {
            if (!Ledger.isRejection(e)) {
                throw e;
            }
            job = ledger.jobs(jobs -> jobs.get(id.jobId()));
            final Replica mine = mine(job);
            if (mine.commitment().isEmpty() && mine.isLeased()) {
                // The peers that endorsed the commit are behind the one read (e.g. the acknowledgement is not on
                // them yet, after an orderer outage): still ours to commit; the journal keeps it RESULT_READY and
                // the next heartbeat commits again, until it lands or the lease ends.
                LOG.info(
                        "commitment of replica {} refused while it is still {} on the ledger: {}; trying again at"
                                + " the next heartbeat",
                        id,
                        mine.state(),
                        e.getMessage());
                return;
            }
            if (!mine.commitment().filter(sealed.commitment()::equals).isPresent()) {
                journal.abandoned(id, "commit refused (" + code(e) + "): " + e.getMessage());
                LOG.warn("commitment of replica {} refused: {}", id, e.getMessage());
                return;
            }
            journal.committed(id, "found committed on the ledger");
        }
        services.metrics().reportSubmitted();
        LOG.info("committed replica {}", id);
        if (services.faultyMode(job, id.replica()) == FaultyMode.SILENT) {
            journal.abandoned(id, "faulty mode silent: the commitment is never revealed");
            LOG.warn("faulty mode silent: replica {} will never be revealed", id);
            return;
        }
        reveal(sealed, job);
    }

    /** Reveals when {@code job} shows the reveal window open; journals REVEALED once the ledger took it. */
    void reveal(final Sealed sealed, final Job job) {
        if (settled(mine(job))) {
            return;
        }
        if (job.replicas().stream().anyMatch(Replica::isLeased)) {
            LOG.debug("replica {} waits to reveal: the job still has leased replicas", id);
            return;
        }
        final Optional<Reveal> reveal = sealed.reveal().or(() -> copyOfAnother(job));
        if (reveal.isEmpty()) {
            LOG.debug("faulty mode copy: replica {} waits for another replica's reveal to copy", id);
            return;
        }
        final Job answer;
        try {
            answer = ledger.jobs(jobs -> jobs.reveal(id.jobId(), id.replica(), reveal.get()));
        } catch (RuntimeException e) {
            if (!Ledger.isRejection(e)) {
                throw e;
            }
            refused(e);
            return;
        }
        final Replica mine = mine(answer);
        if (mine.state() == ReplicaState.FAULTED) {
            LOG.warn(
                    "reveal of replica {} was recorded as a fault: {}",
                    id,
                    mine.fault().orElse("?"));
        } else {
            LOG.info("revealed replica {}: {}", id, mine.state());
        }
        journal.revealed(id, describe(mine));
    }

    /** @return whether the replica is past RESULT_COMMITTED on the ledger; if so, journaled as such */
    private boolean settled(final Replica mine) {
        switch (mine.state()) {
            case RESULT_COMMITTED:
                return false;
            case RESULT_REVEALED:
            case FAULTED:
                journal.revealed(id, describe(mine) + " on the ledger");
                return true;
            default:
                journal.abandoned(id, "replica is " + describe(mine));
                LOG.warn("replica {} can no longer be revealed: {}", id, describe(mine));
                return true;
        }
    }

    /** A refused reveal: settled meanwhile, not yet possible (INVALID_STATE: kept for the next trigger), or wrong. */
    private void refused(final RuntimeException e) {
        final Job now = ledger.jobs(jobs -> jobs.get(id.jobId()));
        if (settled(mine(now))) {
            return;
        }
        if (code(e).equals(ErrorCode.INVALID_STATE.name())) {
            LOG.info("reveal of replica {} not taken yet: {}; trying again later", id, e.getMessage());
            return;
        }
        journal.abandoned(id, "reveal refused (" + code(e) + "): " + e.getMessage());
        LOG.warn("reveal of replica {} refused: {}", id, e.getMessage());
    }

    /** Faulty mode {@code copy}: another replica's revealed attestation, restated as this worker's. */
    private Optional<Reveal> copyOfAnother(final Job job) {
        final boolean anotherRevealed = job.replicas().stream()
                .anyMatch(r -> r.index() != id.replica() && r.state() == ReplicaState.RESULT_REVEALED);
        if (!anotherRevealed) {
            return Optional.empty();
        }
        return ledger.jobs(jobs -> jobs.attestations(id.jobId())).reveals().stream()
                .filter(r -> r.attestation().replica() != id.replica())
                .findFirst()
                .map(other -> {
                    LOG.warn(
                            "faulty mode copy: replica {} reveals a copy of replica {}'s result",
                            id,
                            other.attestation().replica());
                    return services.reveals().copy(other, id.replica(), Nonces.fresh());
                });
    }

    private Replica mine(final Job job) {
        if (id.replica() >= job.replicas().size()) {
            throw new IllegalStateException("job " + id.jobId() + " has no replica " + id.replica());
        }
        return job.replicas().get(id.replica());
    }

    private static String describe(final Replica replica) {
        return replica.state() + replica.fault().map(f -> " (" + f + ")").orElse("");
    }

    private static String code(final RuntimeException e) {
        return e instanceof PovmClientException
                ? ((PovmClientException) e).errorCode().map(Enum::name).orElse("?")
                : "?";
    }
}
