// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.AttestationCheck;
import io.povm.api.Commitment;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.api.SlaSpec;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Commit-reveal of replica results (see {@code docs/consensus.md}). A worker first commits to its result; once no
 * replica of the job is leased any more the reveal window opens, and each worker reveals its signed attestation. A
 * reveal that does not open its commitment is recorded as a fault: that is how a worker that copied another's
 * revealed answer is caught. Committing or revealing the identical value again returns the job unchanged, so a
 * worker may retry after a lost answer.
 */
public final class JobResults {
    private JobResults() {}

    /**
     * A reveal's effect.
     *
     * @param job the job after the reveal
     * @param faulted whether the reveal did not open the commitment (the replica is now FAULTED)
     * @param changed false when the identical reveal was already recorded
     */
    public record Revealed(Job job, boolean faulted, boolean changed) {}

    /**
     * @return the job with the replica RESULT_COMMITTED; RESULTS_PENDING (or, in a dispute, still RESOLVING) with the
     *     reveal window open once no replica is leased any more; unchanged when this commitment was already made
     * @throws PovmException FORBIDDEN [caller] unless the caller is the replica's worker; INVALID_STATE [replica]
     *     unless the replica is RUNNING; INVALID_ARGUMENT [commitment] when it is not 64 hex digits or equals another
     *     replica's commitment
     */
    public static Job commit(
            final Job job,
            final int index,
            final Optional<String> callerWorkerKey,
            final String commitment,
            final SlaSpec sla,
            final String at) {
        final Replica target = JobReplicas.ownReplica(job, index, callerWorkerKey, "commit");
        Commitment.requireHex(commitment, "commitment");
        if (target.state() == ReplicaState.RESULT_COMMITTED
                && target.commitment().filter(commitment::equals).isPresent()) {
            return job;
        }
        JobReplicas.requireState(target, ReplicaState.RUNNING, "committed");
        for (final Replica other : job.replicas()) {
            if (other.commitment().filter(commitment::equals).isPresent()) {
                throw PovmException.invalid(
                        "commitment",
                        "equals replica " + other.index() + "'s commitment; a commitment binds the worker's own key"
                                + " and a fresh nonce, so it is never another replica's");
            }
        }
        final List<Replica> replicas = new ArrayList<>(job.replicas());
        replicas.set(index, target.committed(commitment, Optional.of(at)));
        final Job committed = job.withReplicas(replicas);
        if (replicas.stream().anyMatch(Replica::isLeased)) {
            return JobLifecycle.apply(committed, JobEvent.REPLICA_UPDATE, at);
        }
        return openReveals(committed, sla.lease().revealWindowSeconds(), at);
    }

    /**
     * The job once no replica is leased: RESULTS_PENDING (from RUNNING) or still RESOLVING, with the reveal window
     * closing {@code revealWindowSeconds} after {@code at}.
     */
    static Job openReveals(final Job job, final int revealWindowSeconds, final String at) {
        final String revealBy = LeaseDeadlines.after(at, revealWindowSeconds);
        final JobEvent event = job.state() == JobState.RUNNING ? JobEvent.ALL_RESULTS_IN : JobEvent.REPLICA_UPDATE;
        final Job next = JobLifecycle.apply(job, event, at);
        return next.withResolution(next.resolution().withRevealBy(revealBy));
    }

    /**
     * Reads a reveal's JSON strictly. Every field error is named from the reveal down, as the reveal checks name
     * theirs, e.g. {@code reveal.attestation.wallMillis} for a negative or non-numeric wall time.
     *
     * @throws PovmException INVALID_ARGUMENT [reveal] when larger than {@value Reveal#MAX_REVEAL_BYTES} bytes;
     *     INVALID_ARGUMENT [reveal.*] naming the field that does not read
     */
    public static Reveal read(final String revealJson) {
        if (revealJson != null && revealJson.getBytes(StandardCharsets.UTF_8).length > Reveal.MAX_REVEAL_BYTES) {
            throw PovmException.invalid("reveal", "is larger than " + Reveal.MAX_REVEAL_BYTES + " bytes");
        }
        try {
            return PovmJson.read(revealJson, Reveal.class);
        } catch (PovmException e) {
            final String field = e.error().field();
            if (e.error().code() != ErrorCode.INVALID_ARGUMENT
                    || field.equals(PovmError.NO_FIELD)
                    || field.equals("reveal")
                    || field.startsWith("reveal.")) {
                throw e;
            }
            throw new PovmException(
                    new PovmError(
                            ErrorCode.INVALID_ARGUMENT,
                            "reveal." + field,
                            e.error().reason()),
                    e);
        }
    }

    /**
     * @param attestationKey the worker's registered attestation key
     * @return the job with the replica RESULT_REVEALED (carrying the result its attestation states), or FAULTED when
     *     the reveal does not open the replica's commitment
     * @throws PovmException FORBIDDEN [caller] unless the caller is the replica's worker; INVALID_STATE unless the
     *     replica is RESULT_COMMITTED and no replica of the job is leased; INVALID_ARGUMENT [reveal.*] naming the
     *     first check of {@link AttestationCheck} the reveal fails
     */
    public static Revealed reveal(
            final Job job,
            final int index,
            final Optional<String> callerWorkerKey,
            final Reveal reveal,
            final SlaSpec sla,
            final PublicKey attestationKey,
            final String at) {
        final Replica target = JobReplicas.ownReplica(job, index, callerWorkerKey, "reveal");
        if (target.state() == ReplicaState.RESULT_REVEALED
                && target.result()
                        .filter(reveal.attestation().result(reveal.inlineOutput())::equals)
                        .isPresent()) {
            return new Revealed(job, false, false);
        }
        JobReplicas.requireState(target, ReplicaState.RESULT_COMMITTED, "revealed");
        final Optional<Replica> leased =
                job.replicas().stream().filter(Replica::isLeased).findFirst();
        if (leased.isPresent() || !(job.state() == JobState.RESULTS_PENDING || job.state() == JobState.RESOLVING)) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "replica",
                    "job '" + job.id() + "' is " + job.state()
                            + leased.map(r -> " and replica " + r.index() + " (" + r.workerKey()
                                            + ") has not committed yet")
                                    .orElse("")
                            + "; results are revealed only once every replica committed"));
        }
        AttestationCheck.firstProblem(job, target, sla, attestationKey, reveal).ifPresent(problem -> {
            throw PovmException.invalid("reveal." + problem.field(), problem.reason());
        });
        final String commitment = target.commitment().orElseThrow();
        final List<Replica> replicas = new ArrayList<>(job.replicas());
        final boolean opens = Commitment.opens(
                commitment,
                reveal.attestation().resultHash(),
                reveal.attestation().nonce(),
                target.workerKey());
        replicas.set(
                index,
                opens
                        ? target.revealed(reveal.attestation().result(reveal.inlineOutput()))
                        : target.faulted(
                                ReplicaState.FAULTED,
                                "the reveal (result " + reveal.attestation().resultHash()
                                        + ") does not open the commitment " + commitment + " made at commit time"));
        return new Revealed(JobLifecycle.apply(job, JobEvent.REPLICA_UPDATE, at).withReplicas(replicas), !opens, true);
    }
}
