// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.journal;

import java.util.Comparator;
import java.util.Objects;

/** One replica of a job: the job's id and the replica's index within the job, written {@code job-1a2b#0}. */
public final class ReplicaId implements Comparable<ReplicaId> {
    private static final Comparator<ReplicaId> ORDER =
            Comparator.comparing(ReplicaId::jobId).thenComparingInt(ReplicaId::replica);

    private final String jobId;
    private final int replica;

    private ReplicaId(final String jobId, final int replica) {
        this.jobId = jobId;
        this.replica = replica;
    }

    /**
     * @throws IllegalArgumentException when the job id is blank or the index negative
     */
    public static ReplicaId of(final String jobId, final int replica) {
        Objects.requireNonNull(jobId, "jobId");
        if (jobId.isBlank()) {
            throw new IllegalArgumentException("jobId must not be blank");
        }
        if (replica < 0) {
            throw new IllegalArgumentException("replica must be 0 or more, was " + replica);
        }
        return new ReplicaId(jobId, replica);
    }

    public String jobId() {
        return jobId;
    }

    public int replica() {
        return replica;
    }

    @Override
    public int compareTo(final ReplicaId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof ReplicaId && jobId.equals(((ReplicaId) o).jobId) && replica == ((ReplicaId) o).replica;
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, replica);
    }

    @Override
    public String toString() {
        return jobId + "#" + replica;
    }
}
