// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.Dispute;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Replica;
import io.povm.api.SlaSpec;
import io.povm.api.Submitter;
import io.povm.chaincode.clock.MultipartyClock;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Challenges of soft verdicts and the end of the challenge window (ECM's soft and firm resolution, paper 003; see
 * {@code docs/consensus.md}). A challenge posts a deposit covering the re-run and draws fresh workers for it; a job
 * whose window closed unchallenged, or whose dispute was decided, is finalized.
 */
public final class JobDisputes {
    /** An org id no member has: with it, every member's ticks count towards a deadline. */
    static final String NO_ORG = "";

    private JobDisputes() {}

    /**
     * @param job the challenged job
     * @param deposit credits the challenger must deposit
     */
    public record Challenge(Job job, long deposit) {}

    /**
     * @return the job RESOLVING, with re-run replicas (as many as its first run started with) drawn from workers that
     *     never held one of its replicas, and the dispute recorded
     * @throws PovmException INVALID_STATE unless the job is RESOLVED_SOFT and its challenge window is open on the
     *     multiparty clock; INVALID_STATE [workers] when fewer fresh workers than needed are eligible (nothing
     *     changes; challenge again later)
     */
    public static Challenge challenge(
            final Job job,
            final Submitter challenger,
            final String reason,
            final SlaSpec sla,
            final MultipartyClock clock,
            final ReplicaDraw draw) {
        if (job.state() != JobState.RESOLVED_SOFT) {
            throw state("job '" + job.id() + "' is " + job.state() + "; only a RESOLVED_SOFT job can be challenged");
        }
        final String windowEnd = job.resolution().challengeBy().orElseThrow();
        if (clock.hasPassed(Instant.parse(windowEnd), challenger.msp())) {
            throw state("the challenge window of job '" + job.id() + "' closed at " + windowEnd
                    + " (a majority of the other orgs' clocks passed it)");
        }
        final int rerun = rerunReplicas(job);
        final long deposit = deposit(sla, rerun);
        return new Challenge(
                rerun(job, draw, reason, "challenge", Dispute.opened(challenger, reason, deposit, draw.at(), rerun)),
                deposit);
    }

    /**
     * A random audit: as many workers as the job's first run started with, none of which held one of its replicas,
     * re-run it, drawn with the audit round's seed; so an audit weighs as much as the verdict it checks, and one
     * auditor cannot overturn a majority. The dispute it opens posts no deposit (an audit that does not overturn the
     * verdict is paid by a mint at settlement, one that does from the escrow, as for a challenge). Unlike a
     * challenge, an audit may start after the challenge window closed: FinalizeJob refuses a selected job that has
     * not been audited while enough workers are free to do it.
     *
     * @param round the beacon round whose audit sub-seed selected the job
     * @return the job RESOLVING with its audit replicas and the dispute recorded
     * @throws PovmException INVALID_STATE unless the job is RESOLVED_SOFT; INVALID_STATE [workers] when fewer
     *     workers that never held one of its replicas are eligible now than the audit needs (nothing changes)
     */
    public static Job audit(final Job job, final Submitter auditor, final long round, final ReplicaDraw draw) {
        if (job.state() != JobState.RESOLVED_SOFT) {
            throw state("job '" + job.id() + "' is " + job.state() + "; only a RESOLVED_SOFT job is audited");
        }
        final String reason = "random audit selected by beacon round " + round;
        return rerun(job, draw, reason, "audit", Dispute.audit(auditor, reason, round, draw.at(), rerunReplicas(job)));
    }

    /**
     * @param verb what the caller does, for the refusal: "challenge" or "audit"
     * @return the job CHALLENGED then RESOLVING, with {@code dispute} and its re-run replicas drawn from fresh workers
     * @throws PovmException INVALID_STATE [workers] when fewer fresh workers than needed are eligible now
     */
    private static Job rerun(
            final Job job, final ReplicaDraw draw, final String reason, final String verb, final Dispute dispute) {
        final int rerun = dispute.rerunReplicas();
        final List<Replica> drawn = FreshWorkers.draw(job, draw, rerun);
        if (drawn.size() < rerun) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "workers",
                    "a re-run of job '" + job.id() + "' needs " + rerun + " worker(s) that never held one of its"
                            + " replicas; only " + drawn.size() + " eligible now (" + draw.whyNone() + "); " + verb
                            + " again once one is free"));
        }
        final List<Replica> replicas = new ArrayList<>(job.replicas());
        drawn.forEach(r -> replicas.add(r.asRerun()));
        final Job challenged = JobLifecycle.apply(job, JobEvent.CHALLENGE, draw.at(), Optional.of(reason));
        final Job resolving = JobLifecycle.apply(challenged, JobEvent.START_RESOLUTION, draw.at(), Optional.of(reason))
                .withReplicas(replicas);
        return resolving.withResolution(resolving.resolution().withDispute(dispute));
    }

    /** @return whether enough workers that never held a replica of the job are eligible now to audit it */
    public static boolean auditable(final Job job, final ReplicaDraw draw) {
        final int rerun = rerunReplicas(job);
        return FreshWorkers.draw(job, draw, rerun).size() >= rerun;
    }

    /** @return how many workers re-run a challenged or audited job: as many as its first run started with */
    private static int rerunReplicas(final Job job) {
        return Math.max(1, job.spec().redundancy().initialReplicas());
    }

    /** @return price x re-run replicas x wall time: what the re-run costs at most */
    static long deposit(final SlaSpec sla, final int rerun) {
        return BigInteger.valueOf(sla.vm().pricePerVmSecond())
                .multiply(BigInteger.valueOf(rerun))
                .multiply(BigInteger.valueOf(sla.vm().maxWallSeconds()))
                .longValueExact();
    }

    /**
     * @return the job FINALIZED
     * @throws PovmException INVALID_STATE unless the job is RESOLVED_FIRM, or RESOLVED_SOFT with its challenge window
     *     closed on the multiparty clock (a majority of member orgs ticked past it)
     */
    public static Job finalizeJob(final Job job, final MultipartyClock clock, final String at) {
        if (job.state() == JobState.RESOLVED_SOFT) {
            final Instant windowEnd =
                    Instant.parse(job.resolution().challengeBy().orElseThrow());
            if (!clock.hasPassed(windowEnd, NO_ORG)) {
                throw state("the challenge window of job '" + job.id() + "' is still open: "
                        + clock.explainNotPassed(windowEnd, "no org"));
            }
        } else if (job.state() != JobState.RESOLVED_FIRM) {
            throw state("job '" + job.id() + "' is " + job.state()
                    + "; only a RESOLVED_SOFT job past its challenge window or a RESOLVED_FIRM job can be finalized");
        }
        return JobLifecycle.apply(job, JobEvent.FINALIZE, at);
    }

    private static PovmException state(final String message) {
        return new PovmException(new PovmError(ErrorCode.INVALID_STATE, "state", message));
    }
}
