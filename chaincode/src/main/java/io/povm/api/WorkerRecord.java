package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A worker's track record: results it reported, leases that expired on it, replicas it gave back. Kept under its own
 * key, apart from the worker's registration, so that heartbeats and job transactions never touch the same key. The
 * attestation issue adds agreements and disagreements with verdicts.
 *
 * <pre>{@code
 * {"workerKey":"Org2MSP/worker-1","results":12,"timeouts":1,"releases":0}
 * }</pre>
 */
@JsonPropertyOrder({"workerKey", "results", "timeouts", "releases"})
public final class WorkerRecord {
    @JsonProperty("workerKey")
    private final String workerKey;

    @JsonProperty("results")
    private final long results;

    @JsonProperty("timeouts")
    private final long timeouts;

    @JsonProperty("releases")
    private final long releases;

    public WorkerRecord(final String workerKey, final long results, final long timeouts, final long releases) {
        this.workerKey = PovmException.requirePresent(workerKey, "workerKey", "the worker's registry key");
        this.results = results;
        this.timeouts = timeouts;
        this.releases = releases;
    }

    /** @return the record of a worker with no history */
    public static WorkerRecord empty(final String workerKey) {
        return new WorkerRecord(workerKey, 0, 0, 0);
    }

    @JsonCreator
    static WorkerRecord fromJson(
            @JsonProperty("workerKey") final String workerKey,
            @JsonProperty("results") final Long results,
            @JsonProperty("timeouts") final Long timeouts,
            @JsonProperty("releases") final Long releases) {
        return new WorkerRecord(
                workerKey,
                PovmException.requirePresent(results, "results", "a count"),
                PovmException.requirePresent(timeouts, "timeouts", "a count"),
                PovmException.requirePresent(releases, "releases", "a count"));
    }

    public String workerKey() {
        return workerKey;
    }

    public long results() {
        return results;
    }

    public long timeouts() {
        return timeouts;
    }

    public long releases() {
        return releases;
    }

    public WorkerRecord withResult() {
        return new WorkerRecord(workerKey, results + 1, timeouts, releases);
    }

    public WorkerRecord withTimeout() {
        return new WorkerRecord(workerKey, results, timeouts + 1, releases);
    }

    public WorkerRecord withRelease() {
        return new WorkerRecord(workerKey, results, timeouts, releases + 1);
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof WorkerRecord)) {
            return false;
        }
        final WorkerRecord that = (WorkerRecord) other;
        return results == that.results
                && timeouts == that.timeouts
                && releases == that.releases
                && workerKey.equals(that.workerKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workerKey, results, timeouts, releases);
    }

    @Override
    public String toString() {
        return "WorkerRecord{" + workerKey + ", results=" + results + ", timeouts=" + timeouts + ", releases="
                + releases + "}";
    }
}
