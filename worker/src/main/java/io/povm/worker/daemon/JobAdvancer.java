// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.ReplicaState;
import io.povm.client.job.JobClient;
import io.povm.worker.ledger.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves jobs on whose next step nobody in particular owns (docs/consensus.md), each heartbeat:
 *
 * <ul>
 *   <li>RESULTS_PENDING whose reveal window closed, or with nothing left to reveal (an iterative job that needs
 *       another replica): AdvanceJob marks the missing reveals UNREVEALED, counts the verdict, draws what is needed;
 *   <li>RESOLVING (a dispute's re-run) whose reveal window closed: AdvanceJob closes it and decides the dispute
 *       (ChallengeJob itself draws the re-run replicas);
 *   <li>RESOLVED_SOFT whose audit round selected it for a random audit: AuditJob draws the audit re-run;
 *   <li>RESOLVED_SOFT whose challenge window closed, and RESOLVED_FIRM: FinalizeJob settles the credits (refused
 *       while the job's audit round is open or its audit is still to start);
 *   <li>SUBMITTED, ASSIGNED, RUNNING and RESULTS_PENDING past the job's deadline: ExpireJob ends it and refunds its
 *       escrow (refused until a majority of the orgs other than the submitter's ticked past the deadline).
 * </ul>
 *
 * <p>As with assignment, the daemon of the job's submitter org acts first; the others step in {@link
 * FabricWorkerDaemon#ASSIGN_FALLBACK} later. The chaincode decides on the orgs' clock ticks, so a refusal
 * (INVALID_STATE: nothing to do, already finalized, window still open, someone else was first) is expected and
 * logged at debug.
 */
final class JobAdvancer {
    private static final Logger LOG = LoggerFactory.getLogger(JobAdvancer.class);
    static final Duration GRACE = Duration.ofSeconds(2);

    /**
     * The states a deadline ends a job in (before a verdict): ExpireJob, once the clock passed it. RESULTS_PENDING, the
     * fourth, is expired in the same pass that advances it, so each state is listed once per heartbeat.
     */
    private static final List<JobState> EXPIRABLE = List.of(JobState.SUBMITTED, JobState.ASSIGNED, JobState.RUNNING);

    private final Ledger ledger;
    private final String ownMsp;
    private final Instant now;
    private int seen;

    JobAdvancer(final Ledger ledger, final String ownMsp, final Instant now) {
        this.ledger = ledger;
        this.ownMsp = ownMsp;
        this.now = now;
    }

    /** @return how many jobs not yet final the sweep saw (every state before a final one is listed) */
    int sweep() {
        forEach(JobState.RESULTS_PENDING, job -> {
            final boolean advanced =
                    (revealWindowClosed(job) || nothingToReveal(job)) && act(job, "advance", JobClient::advance);
            if (!advanced && pastDeadline(job)) {
                act(job, "expire", JobClient::expire);
            }
        });
        each(JobState.RESOLVING, this::revealWindowClosed, "advance", JobClient::advance);
        forEach(JobState.RESOLVED_SOFT, job -> {
            final boolean audited = selectedForAudit(job) && act(job, "audit", JobClient::audit);
            if (!audited
                    && job.resolution().challengeBy().map(at -> due(job, at)).orElse(false)) {
                act(job, "finalize", JobClient::finalizeJob);
            }
        });
        each(JobState.RESOLVED_FIRM, job -> due(job, job.stateChangedAt()), "finalize", JobClient::finalizeJob);
        for (final JobState state : EXPIRABLE) {
            each(state, this::pastDeadline, "expire", JobClient::expire);
        }
        forEach(JobState.CHALLENGED, job -> {}); // nothing to do here, but its dispute runs on the clock
        return seen;
    }

    private boolean pastDeadline(final Job job) {
        return due(job, job.spec().deadline());
    }

    /** @return whether the job's audit round closed and selected it; the submitter org's daemon asks first */
    private boolean selectedForAudit(final Job job) {
        if (!due(job, job.stateChangedAt())) {
            return false;
        }
        try {
            return ledger.jobs(jobs -> jobs.jobAudit(job.id())).isSelected();
        } catch (RuntimeException e) {
            if (!Ledger.isRejection(e)) {
                throw e;
            }
            LOG.debug("job {}: audit not read: {}", job.id(), e.getMessage());
            return false;
        }
    }

    private boolean revealWindowClosed(final Job job) {
        return job.resolution().revealBy().map(at -> due(job, at)).orElse(false);
    }

    /** @return whether every replica is settled (no lease, no commitment left to reveal) and no verdict was counted */
    private boolean nothingToReveal(final Job job) {
        return job.verdict().isEmpty()
                && job.replicas().stream().noneMatch(r -> r.isLeased() || r.state() == ReplicaState.RESULT_COMMITTED)
                && due(job, job.stateChangedAt());
    }

    /** @return whether {@code at} passed, with {@link #GRACE}, plus the fallback delay for other orgs' jobs */
    boolean due(final Job job, final String at) {
        final Duration wait =
                job.submitter().msp().equals(ownMsp) ? GRACE : GRACE.plus(FabricWorkerDaemon.ASSIGN_FALLBACK);
        return now.isAfter(Instant.parse(at).plus(wait));
    }

    private void each(
            final JobState state,
            final Predicate<Job> ready,
            final String what,
            final BiFunction<JobClient, String, Job> call) {
        forEach(state, job -> {
            if (ready.test(job)) {
                act(job, what, call);
            }
        });
    }

    private void forEach(final JobState state, final Consumer<Job> step) {
        JobListing.forEach(ledger, state, job -> {
            seen++;
            step.accept(job);
        });
    }

    /** @return whether the chaincode took the call; a refusal is logged at debug and leaves the job as it was */
    private boolean act(final Job job, final String what, final BiFunction<JobClient, String, Job> call) {
        try {
            final Job after = ledger.jobs(jobs -> call.apply(jobs, job.id()));
            LOG.info(
                    "{} job {}: {} -> {}{}",
                    what,
                    job.id(),
                    job.state(),
                    after.state(),
                    after.verdict()
                            .map(v ->
                                    ", verdict " + v.stage() + " " + v.winner().orElse("none"))
                            .orElse(""));
            return true;
        } catch (RuntimeException e) {
            if (!Ledger.isRejection(e)) {
                throw e;
            }
            LOG.debug("job {} not {}d: {}", job.id(), what, e.getMessage());
            return false;
        }
    }
}
