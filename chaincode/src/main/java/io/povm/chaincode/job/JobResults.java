package io.povm.chaincode.job;

import io.povm.api.Job;
import io.povm.api.PovmException;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.ReplicaState;
import io.povm.api.SlaSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A worker reporting its replica's result. The job moves to RESULTS_PENDING when no replica is left running.
 * Reporting the identical result again returns the job unchanged, so a worker may retry after a lost answer.
 */
public final class JobResults {
    private JobResults() {}

    /**
     * @return the job with the replica RESULT_COMMITTED, or the job unchanged when this exact result was already
     *     reported for that replica
     * @throws PovmException FORBIDDEN [caller] unless the caller is the replica's worker; INVALID_STATE [replica]
     *     unless the replica is RUNNING; INVALID_ARGUMENT [result.outputBytes] for more output than the SLA allows
     */
    public static Job report(
            final Job job,
            final int index,
            final Optional<String> callerWorkerKey,
            final ReplicaResult result,
            final SlaSpec sla,
            final String at) {
        final Replica target = JobReplicas.ownReplica(job, index, callerWorkerKey, "report");
        if (target.state() == ReplicaState.RESULT_COMMITTED
                && target.result().filter(result::equals).isPresent()) {
            return job;
        }
        JobReplicas.requireState(target, ReplicaState.RUNNING, "reported");
        if (result.outputBytes() > sla.job().maxOutputBytes()) {
            throw PovmException.invalid(
                    "result.outputBytes",
                    "is " + result.outputBytes() + " bytes; SLA " + sla.ref() + " allows at most "
                            + sla.job().maxOutputBytes());
        }
        final List<Replica> replicas = new ArrayList<>(job.replicas());
        replicas.set(index, target.reported(result));
        final Job reported = job.withReplicas(replicas);
        final boolean running = replicas.stream().anyMatch(Replica::isLeased);
        return running
                ? JobLifecycle.apply(reported, JobEvent.REPLICA_UPDATE, at)
                : JobLifecycle.apply(reported, JobEvent.ALL_RESULTS_IN, at);
    }
}
