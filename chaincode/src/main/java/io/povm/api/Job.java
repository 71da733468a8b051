// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as the ledger holds it: the submitted {@link JobSpec}, its {@link JobState}, who submitted it, when and in
 * which transaction, when its state last changed and why (for cancelled, expired and failed jobs), and its replicas.
 *
 * <pre>{@code
 * {"spec":{...},"state":"CANCELLED","submitter":{"msp":"Org1MSP","id":"x509::..."},
 *  "submittedAt":"2026-11-20T10:00:00.123Z","submitTxId":"3f1c...",
 *  "stateChangedAt":"2026-11-20T10:05:00.000Z","stateReason":"wrong input","replicas":[]}
 * }</pre>
 *
 * <p>Values are immutable: a change builds a new job. State changes go through {@code
 * io.povm.chaincode.job.JobLifecycle}, which checks that the transition is allowed.
 */
@JsonRootName("job")
@JsonPropertyOrder({
    "spec",
    "state",
    "submitter",
    "submittedAt",
    "submitTxId",
    "stateChangedAt",
    "stateReason",
    "replicas",
    "revealBy",
    "verdict",
    "challengeBy",
    "dispute"
})
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

    @JsonProperty("stateChangedAt")
    private final String stateChangedAt;

    @JsonProperty("stateReason")
    private final String stateReason;

    @JsonProperty("replicas")
    private final List<Replica> replicas;

    @JsonProperty("revealBy")
    private final String revealBy;

    @JsonProperty("verdict")
    private final Verdict verdict;

    @JsonProperty("challengeBy")
    private final String challengeBy;

    @JsonProperty("dispute")
    private final Dispute dispute;

    /**
     * What result consensus adds to a job (see {@code docs/consensus.md}).
     *
     * @param revealBy when the reveal window closes (ISO-8601 UTC), once every replica committed
     * @param verdict how the revealed results were counted, once they were
     * @param challengeBy when the challenge window of a soft verdict closes
     * @param dispute the challenge of the soft verdict, if any
     */
    public record Resolution(
            Optional<String> revealBy,
            Optional<Verdict> verdict,
            Optional<String> challengeBy,
            Optional<Dispute> dispute) {
        /** A job before any of it. */
        public static final Resolution NONE =
                new Resolution(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public Resolution {
            Objects.requireNonNull(revealBy, "revealBy");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(challengeBy, "challengeBy");
            Objects.requireNonNull(dispute, "dispute");
        }

        public Resolution withRevealBy(final String at) {
            return new Resolution(Optional.of(at), verdict, challengeBy, dispute);
        }

        public Resolution withVerdict(final Verdict next, final Optional<String> windowEnd) {
            return new Resolution(revealBy, Optional.of(next), windowEnd, dispute);
        }

        public Resolution withDispute(final Dispute next) {
            return new Resolution(revealBy, verdict, challengeBy, Optional.of(next));
        }
    }

    /**
     * @param submittedAt ISO-8601 UTC with milliseconds, from the submitting transaction's timestamp
     * @param submitTxId id of the submitting transaction
     * @param stateChangedAt ISO-8601 UTC with milliseconds: the timestamp of the transaction that set the state
     * @param stateReason why the job reached its state, when one was given; null otherwise
     * @param replicas the replicas in index order; null means none
     */
    public Job(
            final JobSpec spec,
            final JobState state,
            final Submitter submitter,
            final String submittedAt,
            final String submitTxId,
            final String stateChangedAt,
            final String stateReason,
            final List<Replica> replicas) {
        this(spec, state, submitter, submittedAt, submitTxId, stateChangedAt, stateReason, replicas, Resolution.NONE);
    }

    @JsonCreator
    static Job fromJson(
            @JsonProperty("spec") final JobSpec spec,
            @JsonProperty("state") final JobState state,
            @JsonProperty("submitter") final Submitter submitter,
            @JsonProperty("submittedAt") final String submittedAt,
            @JsonProperty("submitTxId") final String submitTxId,
            @JsonProperty("stateChangedAt") final String stateChangedAt,
            @JsonProperty("stateReason") final String stateReason,
            @JsonProperty("replicas") final List<Replica> replicas,
            @JsonProperty("revealBy") final String revealBy,
            @JsonProperty("verdict") final Verdict verdict,
            @JsonProperty("challengeBy") final String challengeBy,
            @JsonProperty("dispute") final Dispute dispute) {
        return new Job(
                spec,
                state,
                submitter,
                submittedAt,
                submitTxId,
                stateChangedAt,
                stateReason,
                replicas,
                new Resolution(
                        Optional.ofNullable(revealBy),
                        Optional.ofNullable(verdict),
                        Optional.ofNullable(challengeBy),
                        Optional.ofNullable(dispute)));
    }

    public Job(
            final JobSpec spec,
            final JobState state,
            final Submitter submitter,
            final String submittedAt,
            final String submitTxId,
            final String stateChangedAt,
            final String stateReason,
            final List<Replica> replicas,
            final Resolution resolution) {
        this.spec = PovmException.requirePresent(spec, "spec", "the job's specification");
        this.state = PovmException.requirePresent(state, "state", "the job's state");
        this.submitter = PovmException.requirePresent(submitter, "submitter", "who submitted the job");
        this.submittedAt = PovmException.requirePresent(submittedAt, "submittedAt", "ISO-8601 UTC time");
        this.submitTxId = PovmException.requirePresent(submitTxId, "submitTxId", "the submitting transaction id");
        this.stateChangedAt = PovmException.requirePresent(stateChangedAt, "stateChangedAt", "ISO-8601 UTC time");
        this.stateReason = stateReason == null || stateReason.isEmpty() ? null : stateReason;
        this.replicas = copyReplicas(replicas);
        this.revealBy = resolution.revealBy().orElse(null);
        this.verdict = resolution.verdict().orElse(null);
        this.challengeBy = resolution.challengeBy().orElse(null);
        this.dispute = resolution.dispute().orElse(null);
    }

    /** @return a new job in state {@link JobState#SUBMITTED}, without replicas */
    public static Job submitted(
            final JobSpec spec, final Submitter submitter, final String submittedAt, final String submitTxId) {
        return new Job(spec, JobState.SUBMITTED, submitter, submittedAt, submitTxId, submittedAt, null, List.of());
    }

    private static List<Replica> copyReplicas(final List<Replica> replicas) {
        if (replicas == null) {
            return List.of();
        }
        final List<Replica> copy = new ArrayList<>(replicas);
        for (int i = 0; i < copy.size(); i++) {
            PovmException.requirePresent(copy.get(i), "replicas[" + i + "]", "a replica, not null");
        }
        return List.copyOf(copy);
    }

    /**
     * The job in another state. Use {@code JobLifecycle}, which checks the transition, rather than calling this.
     *
     * @param at the transaction timestamp, ISO-8601 UTC with milliseconds
     * @param reason why, or empty
     */
    public Job withState(final JobState next, final String at, final Optional<String> reason) {
        return new Job(spec, next, submitter, submittedAt, submitTxId, at, reason.orElse(null), replicas, resolution());
    }

    /** @return the job with these replicas; its state is unchanged */
    public Job withReplicas(final List<Replica> next) {
        return new Job(
                spec, state, submitter, submittedAt, submitTxId, stateChangedAt, stateReason, next, resolution());
    }

    /** @return the job with another resolution; its state and replicas are unchanged */
    public Job withResolution(final Resolution next) {
        return new Job(spec, state, submitter, submittedAt, submitTxId, stateChangedAt, stateReason, replicas, next);
    }

    /** @return the reveal window, verdict, challenge window and dispute, as far as the job has them */
    public Resolution resolution() {
        return new Resolution(
                Optional.ofNullable(revealBy),
                Optional.ofNullable(verdict),
                Optional.ofNullable(challengeBy),
                Optional.ofNullable(dispute));
    }

    /** @return the job's verdict, once its results were counted */
    public Optional<Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    /** @return the job's dispute, once challenged */
    public Optional<Dispute> dispute() {
        return Optional.ofNullable(dispute);
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

    /** @return when the job entered its state: the setting transaction's timestamp, ISO-8601 UTC */
    public String stateChangedAt() {
        return stateChangedAt;
    }

    /** @return why the job reached its state, e.g. the submitter's reason for cancelling; empty when none */
    public Optional<String> stateReason() {
        return Optional.ofNullable(stateReason);
    }

    /** @return the replicas in index order, unmodifiable; empty before assignment */
    public List<Replica> replicas() {
        return replicas;
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
                && submitTxId.equals(that.submitTxId)
                && stateChangedAt.equals(that.stateChangedAt)
                && Objects.equals(stateReason, that.stateReason)
                && replicas.equals(that.replicas)
                && resolution().equals(that.resolution());
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                spec, state, submitter, submittedAt, submitTxId, stateChangedAt, stateReason, replicas, resolution());
    }

    @Override
    public String toString() {
        return "Job{spec=" + spec + ", state=" + state + ", submitter=" + submitter + ", submittedAt=" + submittedAt
                + ", submitTxId=" + submitTxId + ", stateChangedAt=" + stateChangedAt + ", stateReason=" + stateReason
                + ", replicas=" + replicas + (verdict == null ? "" : ", verdict=" + verdict)
                + (dispute == null ? "" : ", dispute=" + dispute) + "}";
    }
}
