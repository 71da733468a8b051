// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.SlaSpec;
import io.povm.chaincode.assignment.Assigner;
import io.povm.chaincode.assignment.Assignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Assigning a SUBMITTED job's replicas to workers, and a worker taking up its replica. Pure: the contract reads the
 * job, the eligible candidates and the seed from the ledger and writes the result.
 */
public final class JobAssignment {
    private JobAssignment() {}

    /**
     * @param draw the eligible workers, seed, time and lease terms
     * @return the job ASSIGNED, one replica per drawn worker of a distinct org; the state reason says so when fewer
     *     orgs than requested replicas could be drawn
     * @throws PovmException INVALID_STATE [state] when the job is not SUBMITTED (e.g. cancelled), INVALID_STATE
     *     [workers] when no worker is eligible, naming the constraint that failed, or when fewer orgs than replicas
     *     have a free worker while more serve the SLA (busy, not absent: the assignment waits)
     */
    public static Job assign(final Job job, final ReplicaDraw draw) {
        JobLifecycle.next(job.state(), JobEvent.ASSIGN);
        final String id = job.spec().id();
        if (draw.eligible().isEmpty()) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE, "workers", "no worker can take job '" + id + "': " + draw.whyNone()));
        }
        final int replicas = job.spec().redundancy().initialReplicas();
        final Assignment drawn = Assigner.assign(
                draw.eligible(), replicas, Set.of(), draw.seeds().assignmentSeed(id));
        if (drawn.workers().size() < replicas
                && draw.orgsServing() > drawn.workers().size()) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "workers",
                    "job '" + id + "' needs " + replicas + " workers of distinct orgs; " + draw.orgsServing()
                            + " orgs serve its SLA but only " + drawn.workers().size()
                            + " have a worker with a free slot now; assign it again once one frees up"));
        }
        final List<Replica> assigned = new ArrayList<>();
        for (int i = 0; i < drawn.workers().size(); i++) {
            assigned.add(draw.assign(i, drawn.workers().get(i)));
        }
        return JobLifecycle.apply(job, JobEvent.ASSIGN, draw.at(), drawn.shortfall())
                .withReplicas(assigned);
    }

    /**
     * The worker assigned to a replica acknowledges it: the replica becomes RUNNING, and the job RUNNING with its
     * first acknowledged replica. Its finish deadline is {@code at} plus the SLA's wall time and finish margin.
     *
     * @param callerWorkerKey the registered worker the caller is, if any
     * @throws PovmException FORBIDDEN [caller] unless the caller is the worker assigned to that replica;
     *     INVALID_ARGUMENT [replica] for an index the job does not have; INVALID_STATE for a replica or job that is
     *     not waiting for its worker
     */
    public static Job acknowledge(
            final Job job,
            final int replica,
            final Optional<String> callerWorkerKey,
            final String at,
            final SlaSpec sla) {
        final Replica target = JobReplicas.ownReplica(job, replica, callerWorkerKey, "acknowledge");
        JobReplicas.requireState(target, ReplicaState.ASSIGNED, "acknowledged");
        final List<Replica> replicas = new ArrayList<>(job.replicas());
        replicas.set(replica, target.running(LeaseDeadlines.finishBy(at, sla.lease(), sla.vm())));
        final JobEvent event = job.state() == JobState.ASSIGNED ? JobEvent.START : JobEvent.REPLICA_UPDATE;
        return JobLifecycle.apply(job, event, at).withReplicas(replicas);
    }
}
