// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A worker's track record: results it revealed, how they fared in verdicts (agreements, disagreements, and the run
 * of consecutive agreements), leases that expired on it or reveals it never made (timeouts), reveals that did not
 * open their commitment (faults), SLA violations it was blamed for, and replicas it gave back. Kept under its own
 * key, apart from the worker's registration, so that heartbeats and job transactions never touch the same key.
 *
 * <pre>{@code
 * {"workerKey":"Org2MSP/worker-1","results":12,"agreements":11,"disagreements":1,"timeouts":1,"faults":0,
 *  "violations":0,"releases":0,"streak":4}
 * }</pre>
 *
 * <p>Records stored before verdicts existed lack the verdict counts, which read as 0.
 */
@JsonPropertyOrder({
    "workerKey",
    "results",
    "agreements",
    "disagreements",
    "timeouts",
    "faults",
    "violations",
    "releases",
    "streak"
})
public final class WorkerRecord {
    @JsonProperty("workerKey")
    private final String workerKey;

    @JsonProperty("results")
    private final long results;

    @JsonProperty("agreements")
    private final long agreements;

    @JsonProperty("disagreements")
    private final long disagreements;

    @JsonProperty("timeouts")
    private final long timeouts;

    @JsonProperty("faults")
    private final long faults;

    @JsonProperty("violations")
    private final long violations;

    @JsonProperty("releases")
    private final long releases;

    @JsonProperty("streak")
    private final long streak;

    /** The counts of a record, in JSON order. */
    public record Counts(
            long results,
            long agreements,
            long disagreements,
            long timeouts,
            long faults,
            long violations,
            long releases,
            long streak) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);
    }

    public WorkerRecord(final String workerKey, final Counts counts) {
        this.workerKey = PovmException.requirePresent(workerKey, "workerKey", "the worker's registry key");
        this.results = counts.results();
        this.agreements = counts.agreements();
        this.disagreements = counts.disagreements();
        this.timeouts = counts.timeouts();
        this.faults = counts.faults();
        this.violations = counts.violations();
        this.releases = counts.releases();
        this.streak = counts.streak();
    }

    /** A record with results, timeouts and releases only, as before verdicts. */
    public WorkerRecord(final String workerKey, final long results, final long timeouts, final long releases) {
        this(workerKey, new Counts(results, 0, 0, timeouts, 0, 0, releases, 0));
    }

    /** @return the record of a worker with no history */
    public static WorkerRecord empty(final String workerKey) {
        return new WorkerRecord(workerKey, Counts.ZERO);
    }

    @JsonCreator
    static WorkerRecord fromJson(
            @JsonProperty("workerKey") final String workerKey,
            @JsonProperty("results") final Long results,
            @JsonProperty("agreements") final Long agreements,
            @JsonProperty("disagreements") final Long disagreements,
            @JsonProperty("timeouts") final Long timeouts,
            @JsonProperty("faults") final Long faults,
            @JsonProperty("violations") final Long violations,
            @JsonProperty("releases") final Long releases,
            @JsonProperty("streak") final Long streak) {
        return new WorkerRecord(
                workerKey,
                new Counts(
                        PovmException.requirePresent(results, "results", "a count"),
                        orZero(agreements),
                        orZero(disagreements),
                        PovmException.requirePresent(timeouts, "timeouts", "a count"),
                        orZero(faults),
                        orZero(violations),
                        PovmException.requirePresent(releases, "releases", "a count"),
                        orZero(streak)));
    }

    private static long orZero(final Long value) {
        return value == null ? 0 : value;
    }

    public String workerKey() {
        return workerKey;
    }

    public Counts counts() {
        return new Counts(results, agreements, disagreements, timeouts, faults, violations, releases, streak);
    }

    public long results() {
        return results;
    }

    public long agreements() {
        return agreements;
    }

    public long disagreements() {
        return disagreements;
    }

    public long timeouts() {
        return timeouts;
    }

    public long faults() {
        return faults;
    }

    public long violations() {
        return violations;
    }

    public long releases() {
        return releases;
    }

    /** @return consecutive agreements up to the latest verdict */
    public long streak() {
        return streak;
    }

    /**
     * @param delta what to add to each count (a reversed verdict adds -1 to one of them; no count goes below 0)
     * @param keepsStreak false for a bad mark, which ends the run of agreements
     */
    private WorkerRecord plus(final Counts delta, final boolean keepsStreak) {
        final Counts c = counts();
        return new WorkerRecord(
                workerKey,
                new Counts(
                        c.results() + delta.results(),
                        Math.max(0, c.agreements() + delta.agreements()),
                        Math.max(0, c.disagreements() + delta.disagreements()),
                        c.timeouts() + delta.timeouts(),
                        c.faults() + delta.faults(),
                        c.violations() + delta.violations(),
                        c.releases() + delta.releases(),
                        keepsStreak ? c.streak() + delta.streak() : 0));
    }

    public WorkerRecord withResult() {
        return plus(new Counts(1, 0, 0, 0, 0, 0, 0, 0), true);
    }

    public WorkerRecord withTimeout() {
        return plus(new Counts(0, 0, 0, 1, 0, 0, 0, 0), false);
    }

    public WorkerRecord withRelease() {
        return plus(new Counts(0, 0, 0, 0, 0, 0, 1, 0), true);
    }

    /** @return the record after a verdict agreed with the worker's answer */
    public WorkerRecord withAgreement() {
        return plus(new Counts(0, 1, 0, 0, 0, 0, 0, 1), true);
    }

    /** @return the record after a verdict went against the worker's answer */
    public WorkerRecord withDisagreement() {
        return plus(new Counts(0, 0, 1, 0, 0, 0, 0, 0), false);
    }

    /**
     * @return the record after a dispute overturned the verdict on the worker's answer: an agreement becomes a
     *     disagreement ({@code wasAgreement}) or the other way round
     */
    public WorkerRecord withVerdictReversed(final boolean wasAgreement) {
        final long delta = wasAgreement ? -1 : 1;
        return plus(new Counts(0, delta, -delta, 0, 0, 0, 0, 0), !wasAgreement);
    }

    /** @return the record after a reveal that did not open the worker's commitment */
    public WorkerRecord withFault() {
        return plus(new Counts(0, 0, 0, 0, 1, 0, 0, 0), false);
    }

    /** @return the record after an SLA violation blamed on the worker */
    public WorkerRecord withViolation() {
        return plus(new Counts(0, 0, 0, 0, 0, 1, 0, 0), false);
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
        return workerKey.equals(that.workerKey) && counts().equals(that.counts());
    }

    @Override
    public int hashCode() {
        return Objects.hash(workerKey, counts());
    }

    @Override
    public String toString() {
        return "WorkerRecord{" + workerKey + ", " + counts() + "}";
    }
}
