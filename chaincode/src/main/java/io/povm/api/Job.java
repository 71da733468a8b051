package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;

/**
 * A job as the ledger holds it: the submitted {@link JobSpec}, its {@link JobState}, who submitted it, and when
 * and in which transaction.
 *
 * <pre>{@code
 * {"spec":{...},"state":"SUBMITTED","submitter":{"msp":"Org1MSP","id":"x509::..."},
 *  "submittedAt":"2026-11-20T10:00:00.123Z","submitTxId":"3f1c..."}
 * }</pre>
 */
@JsonRootName("job")
@JsonPropertyOrder({"spec", "state", "submitter", "submittedAt", "submitTxId"})
public final class Job {
    @JsonProperty("spec")
    private final JobSpec spec;

    @JsonProperty("state")
    private final JobState state;

    @JsonProperty("submitter")
    private final Submitter submitter;

    @JsonProperty("submittedAt")
    private final String submittedAt;

    @JsonProperty("submitTxId")
    private final String submitTxId;

    /**
     * @param submittedAt ISO-8601 UTC with milliseconds, from the submitting transaction's timestamp
     * @param submitTxId id of the submitting transaction
     */
    @JsonCreator
    public Job(
            @JsonProperty("spec") final JobSpec spec,
            @JsonProperty("state") final JobState state,
            @JsonProperty("submitter") final Submitter submitter,
            @JsonProperty("submittedAt") final String submittedAt,
            @JsonProperty("submitTxId") final String submitTxId) {
        this.spec = PovmException.requirePresent(spec, "spec", "the job's specification");
        this.state = PovmException.requirePresent(state, "state", "the job's state");
        this.submitter = PovmException.requirePresent(submitter, "submitter", "who submitted the job");
        this.submittedAt = PovmException.requirePresent(submittedAt, "submittedAt", "ISO-8601 UTC time");
        this.submitTxId = PovmException.requirePresent(submitTxId, "submitTxId", "the submitting transaction id");
    }

    public JobSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    public JobState state() {
        return state;
    }

    public Submitter submitter() {
        return submitter;
    }

    public String submittedAt() {
        return submittedAt;
    }

    public String submitTxId() {
        return submitTxId;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Job)) {
            return false;
        }
        final Job that = (Job) other;
        return spec.equals(that.spec)
                && state == that.state
                && submitter.equals(that.submitter)
                && submittedAt.equals(that.submittedAt)
                && submitTxId.equals(that.submitTxId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, state, submitter, submittedAt, submitTxId);
    }

    @Override
    public String toString() {
        return "Job{spec=" + spec + ", state=" + state + ", submitter=" + submitter + ", submittedAt=" + submittedAt
                + ", submitTxId=" + submitTxId + "}";
    }
}
