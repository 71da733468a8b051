// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import java.util.Optional;

/** Looking up one of a job's replicas, and checking who may act on it. */
final class JobReplicas {
    private JobReplicas() {}

    /** @throws PovmException INVALID_ARGUMENT [replica] for an index the job does not have */
    static Replica replica(final Job job, final int index) {
        if (index < 0 || index >= job.replicas().size()) {
            throw PovmException.invalid(
                    "replica",
                    job.replicas().isEmpty()
                            ? "job '" + job.id() + "' has no replicas yet"
                            : "job '" + job.id() + "' has replicas 0 to "
                                    + (job.replicas().size() - 1));
        }
        return job.replicas().get(index);
    }

    /**
     * @param verb what the caller wants to do, for the message ("acknowledge", "report")
     * @throws PovmException FORBIDDEN [caller] unless the caller is the worker assigned to the replica
     */
    static Replica ownReplica(
            final Job job, final int index, final Optional<String> callerWorkerKey, final String verb) {
        final Replica target = replica(job, index);
        if (callerWorkerKey.filter(target.workerKey()::equals).isEmpty()) {
            throw PovmException.forbidden(
                    "caller",
                    "only the worker assigned to replica " + index + " (" + target.workerKey() + ") may " + verb
                            + " it; caller is " + callerWorkerKey.orElse("not a registered worker"));
        }
        return target;
    }

    /** @throws PovmException INVALID_STATE [replica] unless the replica is in {@code expected} */
    static void requireState(final Replica replica, final ReplicaState expected, final String verb) {
        if (replica.state() != expected) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "replica",
                    "replica " + replica.index() + " is " + replica.state() + "; only a " + expected
                            + " replica can be " + verb));
        }
    }

    /** @throws PovmException INVALID_STATE [replica] unless a worker still holds the replica's lease */
    static void requireLeased(final Replica replica, final String verb) {
        if (!replica.isLeased()) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "replica",
                    "replica " + replica.index() + " is " + replica.state() + "; only an ASSIGNED or RUNNING"
                            + " replica can be " + verb));
        }
    }
}
