// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * One committed version of a job in its {@link JobHistory}: the transaction that wrote it, that transaction's
 * timestamp, and the job as written (absent when the transaction deleted the key, which povm never does).
 */
@JsonPropertyOrder({"txId", "timestamp", "deleted", "job"})
public final class JobVersion {
    @JsonProperty("txId")
    private final String txId;

    @JsonProperty("timestamp")
    private final String timestamp;

    @JsonProperty("deleted")
    private final boolean deleted;

    @JsonProperty("job")
    private final Job job;

    /**
     * @param timestamp the writing transaction's timestamp, ISO-8601 UTC with milliseconds
     * @param job the job as written; null when deleted
     */
    public JobVersion(final String txId, final String timestamp, final boolean deleted, final Job job) {
        this.txId = PovmException.requirePresent(txId, "txId", "the writing transaction's id");
        this.timestamp = PovmException.requirePresent(timestamp, "timestamp", "ISO-8601 UTC time");
        this.deleted = deleted;
        this.job = job;
    }

    @JsonCreator
    static JobVersion fromJson(
            @JsonProperty("txId") final String txId,
            @JsonProperty("timestamp") final String timestamp,
            @JsonProperty("deleted") final Boolean deleted,
            @JsonProperty("job") final Job job) {
        return new JobVersion(txId, timestamp, Boolean.TRUE.equals(deleted), job);
    }

    public String txId() {
        return txId;
    }

    public String timestamp() {
        return timestamp;
    }

    public boolean deleted() {
        return deleted;
    }

    /** @return the job as this transaction wrote it; empty for a deletion */
    public Optional<Job> job() {
        return Optional.ofNullable(job);
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JobVersion)) {
            return false;
        }
        final JobVersion that = (JobVersion) other;
        return deleted == that.deleted
                && txId.equals(that.txId)
                && timestamp.equals(that.timestamp)
                && Objects.equals(job, that.job);
    }

    @Override
    public int hashCode() {
        return Objects.hash(txId, timestamp, deleted, job);
    }

    @Override
    public String toString() {
        return "JobVersion{txId=" + txId + ", timestamp=" + timestamp + ", deleted=" + deleted + ", job=" + job + "}";
    }
}
