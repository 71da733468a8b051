// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.VerdictCount;
import io.povm.chaincode.assignment.Assigner;
import io.povm.chaincode.assignment.Assignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A job after one of its replicas changed, with the job's state following from its replicas: a lost replica (lease
 * expired or released) is replaced by a worker of an org that never held one of the job's replicas (so a job that
 * one org after another gives up cannot cycle between them); a job whose
 * replicas all reported moves to RESULTS_PENDING; a job left with no replica that runs or reported fails.
 *
 * @param job the job after the change
 * @param replacement the replica drawn to replace a lost one, if any
 */
public record ReplicaChange(Job job, Optional<Replica> replacement) {

    /**
     * Replaces the lost replica {@code lost} (already in its final replica state in {@code job}) by a worker of an
     * org that never held one of the job's replicas, if one is eligible, and settles the job's state.
     */
    static ReplicaChange replace(final Job job, final Replica lost, final ReplicaDraw draw) {
        final Set<String> excluded = new TreeSet<>();
        job.replicas().forEach(r -> excluded.add(r.msp()));
        final int index = job.replicas().size();
        final Assignment drawn =
                Assigner.assign(draw.eligible(), 1, excluded, draw.seeds().assignmentSeed(replicaSeedId(job, index)));
        if (drawn.workers().isEmpty()) {
            final String why = "replica " + lost.index() + " of " + lost.workerKey() + " is " + lost.state()
                    + " and no worker of another org can take it ("
                    + drawn.shortfall().orElse(draw.whyNone()) + ")";
            return new ReplicaChange(settle(job, draw, why), Optional.empty());
        }
        final Replica assigned = draw.assign(index, drawn.workers().get(0));
        final Replica replacement = lost.rerun() ? assigned.asRerun() : assigned;
        final List<Replica> replicas = new ArrayList<>(job.replicas());
        replicas.add(replacement);
        final Job reassigned =
                JobLifecycle.apply(job, JobEvent.REASSIGN, draw.at()).withReplicas(replicas);
        return new ReplicaChange(reassigned, Optional.of(replacement));
    }

    /**
     * The job's state after a replica change that drew no new worker: unchanged while a replica is leased; otherwise
     * the reveal window opens (RUNNING jobs move to RESULTS_PENDING) when some replica of the current phase
     * committed or revealed, and a first run with none fails. A dispute's re-run with none is left for {@code
     * AdvanceJob} to decide (the soft verdict then stands).
     */
    static Job settle(final Job job, final ReplicaDraw draw, final String why) {
        final boolean leased = job.replicas().stream().anyMatch(Replica::isLeased);
        if (leased) {
            return job;
        }
        final boolean reported = job.replicas().stream()
                .filter(r -> VerdictCount.inPhase(job, r))
                .anyMatch(r -> r.state() == ReplicaState.RESULT_COMMITTED || r.state() == ReplicaState.RESULT_REVEALED);
        if (reported || job.state() == JobState.RESOLVING) {
            final Job open = JobResults.openReveals(job, draw.lease().revealWindowSeconds(), draw.at());
            return open.withState(open.state(), draw.at(), Optional.of(why));
        }
        return JobLifecycle.apply(job, JobEvent.FAIL, draw.at(), Optional.of(why));
    }

    /** The seed id of a replacement draw: the job id and the new replica's index, so each draw is distinct. */
    static String replicaSeedId(final Job job, final int index) {
        return job.id() + "#" + index;
    }
}
