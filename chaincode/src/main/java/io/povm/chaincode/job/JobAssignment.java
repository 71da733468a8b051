package io.povm.chaincode.job;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.chaincode.assignment.Assigner;
import io.povm.chaincode.assignment.Assignment;
import io.povm.chaincode.assignment.Candidate;
import io.povm.chaincode.assignment.SeedSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Assigning a SUBMITTED job's replicas to workers, and a worker taking up its replica. Pure: the contract reads the
 * job, the eligible candidates and the seed from the ledger and writes the result.
 */
public final class JobAssignment {
    private JobAssignment() {}

    /**
     * @param eligible workers that may take a replica (ACTIVE, serving the job's SLA, with a free slot)
     * @param whyNone why no worker is eligible, used when {@code eligible} is empty
     * @return the job ASSIGNED, one replica per drawn worker of a distinct org; the state reason says so when fewer
     *     orgs than requested replicas could be drawn
     * @throws PovmException INVALID_STATE [state] when the job is not SUBMITTED (e.g. cancelled), INVALID_STATE
     *     [workers] when no worker is eligible, naming the constraint that failed
     */
    public static Job assign(
            final Job job,
            final Collection<Candidate> eligible,
            final String whyNone,
            final SeedSource seeds,
            final String at) {
        JobLifecycle.next(job.state(), JobEvent.ASSIGN);
        final String id = job.spec().id();
        if (eligible.isEmpty()) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE, "workers", "no worker can take job '" + id + "': " + whyNone));
        }
        final int replicas = job.spec().redundancy().initialReplicas();
        final Assignment drawn = Assigner.assign(eligible, replicas, Set.of(), seeds.assignmentSeed(id));
        final List<Replica> assigned = new ArrayList<>();
        for (int i = 0; i < drawn.workers().size(); i++) {
            final Candidate worker = drawn.workers().get(i);
            assigned.add(new Replica(i, worker.workerKey(), worker.msp(), ReplicaState.ASSIGNED));
        }
        return JobLifecycle.apply(job, JobEvent.ASSIGN, at, drawn.shortfall()).withReplicas(assigned);
    }

    /**
     * The worker assigned to a replica acknowledges it: the replica becomes RUNNING, and the job RUNNING with its
     * first acknowledged replica.
     *
     * @param callerWorkerKey the registered worker the caller is, if any
     * @throws PovmException FORBIDDEN [caller] unless the caller is the worker assigned to that replica;
     *     INVALID_ARGUMENT [replica] for an index the job does not have; INVALID_STATE for a replica or job that is
     *     not waiting for its worker
     */
    public static Job acknowledge(
            final Job job, final int replica, final java.util.Optional<String> callerWorkerKey, final String at) {
        if (replica < 0 || replica >= job.replicas().size()) {
            throw PovmException.invalid(
                    "replica",
                    "job '" + job.spec().id() + "' has replicas 0 to "
                            + (job.replicas().size() - 1));
        }
        final Replica target = job.replicas().get(replica);
        if (callerWorkerKey.filter(target.workerKey()::equals).isEmpty()) {
            throw PovmException.forbidden(
                    "caller",
                    "only the worker assigned to replica " + replica + " (" + target.workerKey()
                            + ") may acknowledge it; caller is "
                            + callerWorkerKey.orElse("not a registered worker"));
        }
        if (target.state() != ReplicaState.ASSIGNED) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "replica",
                    "replica " + replica + " is " + target.state() + "; only an ASSIGNED replica can be acknowledged"));
        }
        final List<Replica> replicas = new ArrayList<>(job.replicas());
        replicas.set(replica, target.withState(ReplicaState.RUNNING));
        final JobEvent event = job.state() == io.povm.api.JobState.ASSIGNED ? JobEvent.START : JobEvent.REPLICA_UPDATE;
        return JobLifecycle.apply(job, event, at).withReplicas(replicas);
    }
}
