// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/**
 * Where one replica of a job is. The assignment, lease and result transactions move replicas; the job's own {@link
 * JobState} follows from them through {@code JobLifecycle}'s replica-level events.
 */
public enum ReplicaState {
    /** A worker has been drawn for the replica; its lease waits for the worker's acknowledgement. */
    ASSIGNED,
    /** The worker acknowledged the lease and runs the replica. */
    RUNNING,
    /** The worker committed to its result (a hash binding result, nonce and worker); it reveals once every replica
     * of the job has committed. */
    RESULT_COMMITTED,
    /** The worker revealed its result, which counts in the vote. */
    RESULT_REVEALED,
    /** The lease ran out before the worker acknowledged or finished; the replica moved to another worker. */
    LEASE_EXPIRED,
    /** The worker gave the replica back before finishing it (e.g. its image was refused, or it drains); the
     * replica moved to another worker. */
    RELEASED,
    /** The worker reported that the replica could not run. */
    FAILED,
    /** The worker's reveal did not open its commitment (e.g. it copied another replica's revealed result); it does
     * not count in the verdict and counts as a fault against the worker. */
    FAULTED,
    /** The reveal window closed before the worker revealed its committed result; counts as a timeout. */
    UNREVEALED
}
