// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * One replica of a job: its position among the job's replicas, the worker holding it (its registry key and its
 * organization's MSP id), its {@link ReplicaState}, its lease deadlines and, once reported, its result.
 *
 * <pre>{@code
 * {"index":0,"workerKey":"Org2MSP/worker-1","msp":"Org2MSP","state":"RUNNING",
 *  "acknowledgeBy":"2026-11-21T10:01:00.000Z","finishBy":"2026-11-21T10:11:30.000Z"}
 * }</pre>
 *
 * <p>{@code acknowledgeBy} is set when the replica is assigned (assignment time plus the SLA's start window),
 * {@code finishBy} when it is acknowledged (acknowledgement time plus the SLA's wall time and finish margin). Either
 * is absent on replicas stored before leases existed; such a replica's lease cannot expire.
 */
@JsonPropertyOrder({
    "index",
    "workerKey",
    "msp",
    "state",
    "rerun",
    "acknowledgeBy",
    "finishBy",
    "commitment",
    "committedAt",
    "result",
    "fault"
})
public final class Replica {
    @JsonProperty("index")
    private final int index;

    @JsonProperty("workerKey")
    private final String workerKey;

    @JsonProperty("msp")
    private final String msp;

    @JsonProperty("state")
    private final ReplicaState state;

    @JsonProperty("acknowledgeBy")
    private final String acknowledgeBy;

    @JsonProperty("finishBy")
    private final String finishBy;

    @JsonProperty("result")
    private final ReplicaResult result;

    @JsonProperty("rerun")
    private final Boolean rerun;

    @JsonProperty("commitment")
    private final String commitment;

    @JsonProperty("fault")
    private final String fault;

    @JsonProperty("committedAt")
    private final String committedAt;

    /**
     * A replica without lease deadlines or result.
     *
     * @param index 0-based position among the job's replicas
     * @param workerKey the worker's key in the worker registry
     * @param msp the MSP id of the worker's organization
     */
    public Replica(final int index, final String workerKey, final String msp, final ReplicaState state) {
        this(index, workerKey, msp, state, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Replica(
            final int index,
            final String workerKey,
            final String msp,
            final ReplicaState state,
            final Optional<String> acknowledgeBy,
            final Optional<String> finishBy,
            final Optional<ReplicaResult> result) {
        this(index, workerKey, msp, state, acknowledgeBy, finishBy, result, Extras.NONE);
    }

    /**
     * The parts of a replica that commit-reveal and disputes add.
     *
     * @param rerun whether the replica re-runs a challenged job (a dispute replica)
     * @param commitment the worker's commitment to its result, once committed
     * @param fault why the replica's reveal was not counted (it did not open the commitment, or never came)
     * @param committedAt the transaction time of the commit, absent on replicas committed before it was recorded
     */
    public record Extras(
            boolean rerun, Optional<String> commitment, Optional<String> fault, Optional<String> committedAt) {
        /** A first-run replica without commitment or fault. */
        public static final Extras NONE = new Extras(false, Optional.empty(), Optional.empty());

        public Extras {
            Objects.requireNonNull(commitment, "commitment");
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(committedAt, "committedAt");
        }

        /** Extras without a recorded commit time. */
        public Extras(final boolean rerun, final Optional<String> commitment, final Optional<String> fault) {
            this(rerun, commitment, fault, Optional.empty());
        }
    }

    public Replica(
            final int index,
            final String workerKey,
            final String msp,
            final ReplicaState state,
            final Optional<String> acknowledgeBy,
            final Optional<String> finishBy,
            final Optional<ReplicaResult> result,
            final Extras extras) {
        if (index < 0) {
            throw PovmException.invalid("replicas.index", "must be 0 or more; got " + index);
        }
        this.index = index;
        this.workerKey = PovmException.requirePresent(workerKey, "replicas.workerKey", "the worker's registry key");
        this.msp = PovmException.requirePresent(msp, "replicas.msp", "the worker organization's MSP id");
        this.state = PovmException.requirePresent(state, "replicas.state", "the replica's state");
        this.acknowledgeBy = acknowledgeBy.orElse(null);
        this.finishBy = finishBy.orElse(null);
        this.result = result.orElse(null);
        this.rerun = extras.rerun() ? Boolean.TRUE : null;
        this.commitment = extras.commitment().orElse(null);
        this.fault = extras.fault().orElse(null);
        this.committedAt = extras.committedAt().orElse(null);
    }

    /** @return a newly ASSIGNED replica whose worker must acknowledge by {@code acknowledgeBy} */
    public static Replica assigned(
            final int index, final String workerKey, final String msp, final String acknowledgeBy) {
        return new Replica(
                index,
                workerKey,
                msp,
                ReplicaState.ASSIGNED,
                Optional.of(acknowledgeBy),
                Optional.empty(),
                Optional.empty());
    }

    @JsonCreator
    static Replica fromJson(
            @JsonProperty("index") final Integer index,
            @JsonProperty("workerKey") final String workerKey,
            @JsonProperty("msp") final String msp,
            @JsonProperty("state") final ReplicaState state,
            @JsonProperty("acknowledgeBy") final String acknowledgeBy,
            @JsonProperty("finishBy") final String finishBy,
            @JsonProperty("result") final ReplicaResult result,
            @JsonProperty("rerun") final Boolean rerun,
            @JsonProperty("commitment") final String commitment,
            @JsonProperty("committedAt") final String committedAt,
            @JsonProperty("fault") final String fault) {
        return new Replica(
                PovmException.requirePresent(index, "replicas.index", "0-based position"),
                workerKey,
                msp,
                state,
                Optional.ofNullable(acknowledgeBy),
                Optional.ofNullable(finishBy),
                Optional.ofNullable(result),
                new Extras(
                        Boolean.TRUE.equals(rerun),
                        Optional.ofNullable(commitment),
                        Optional.ofNullable(fault),
                        Optional.ofNullable(committedAt)));
    }

    public int index() {
        return index;
    }

    public String workerKey() {
        return workerKey;
    }

    public String msp() {
        return msp;
    }

    public ReplicaState state() {
        return state;
    }

    /** @return when the worker must have acknowledged (ISO-8601 UTC), if the replica has a start lease */
    public Optional<String> acknowledgeBy() {
        return Optional.ofNullable(acknowledgeBy);
    }

    /** @return when the worker must have reported (ISO-8601 UTC), once acknowledged */
    public Optional<String> finishBy() {
        return Optional.ofNullable(finishBy);
    }

    public Optional<ReplicaResult> result() {
        return Optional.ofNullable(result);
    }

    /** @return whether this replica re-runs a challenged job */
    public boolean rerun() {
        return rerun != null && rerun;
    }

    /** @return the worker's commitment to its result, once committed */
    public Optional<String> commitment() {
        return Optional.ofNullable(commitment);
    }

    /** @return why the replica's reveal was not counted, when it was not */
    public Optional<String> fault() {
        return Optional.ofNullable(fault);
    }

    /**
     * @return the transaction time (ISO-8601 UTC) of the worker's commit, bounded by the multiparty clock; absent
     *     before the commit and on replicas committed before it was recorded
     */
    public Optional<String> committedAt() {
        return Optional.ofNullable(committedAt);
    }

    private Extras extras() {
        return new Extras(rerun(), commitment(), fault(), committedAt());
    }

    /** @return whether a worker still holds this replica's lease (ASSIGNED or RUNNING) */
    public boolean isLeased() {
        return state == ReplicaState.ASSIGNED || state == ReplicaState.RUNNING;
    }

    /** @return this replica in another state, deadlines and result kept */
    public Replica withState(final ReplicaState next) {
        return new Replica(index, workerKey, msp, next, acknowledgeBy(), finishBy(), result(), extras());
    }

    /** @return this replica marked as re-running a challenged job */
    public Replica asRerun() {
        return new Replica(
                index,
                workerKey,
                msp,
                state,
                acknowledgeBy(),
                finishBy(),
                result(),
                new Extras(true, commitment(), fault(), committedAt()));
    }

    /** @return this replica RESULT_COMMITTED with the worker's commitment, without a recorded commit time */
    public Replica committed(final String newCommitment) {
        return committed(newCommitment, Optional.empty());
    }

    /** @return this replica RESULT_COMMITTED with the worker's commitment, made in a transaction at {@code at} */
    public Replica committed(final String newCommitment, final Optional<String> at) {
        return new Replica(
                index,
                workerKey,
                msp,
                ReplicaState.RESULT_COMMITTED,
                acknowledgeBy(),
                finishBy(),
                result(),
                new Extras(rerun(), Optional.of(newCommitment), fault(), at));
    }

    /** @return this replica RESULT_REVEALED with the result its attestation states */
    public Replica revealed(final ReplicaResult revealed) {
        return new Replica(
                index,
                workerKey,
                msp,
                ReplicaState.RESULT_REVEALED,
                acknowledgeBy(),
                finishBy(),
                Optional.of(revealed),
                extras());
    }

    /** @return this replica in {@code next} (FAULTED or UNREVEALED) because of {@code why} */
    public Replica faulted(final ReplicaState next, final String why) {
        return new Replica(
                index,
                workerKey,
                msp,
                next,
                acknowledgeBy(),
                finishBy(),
                result(),
                new Extras(rerun(), commitment(), Optional.of(why), committedAt()));
    }

    /** @return this replica RUNNING, to be reported by {@code finishBy} */
    public Replica running(final String newFinishBy) {
        return new Replica(
                index,
                workerKey,
                msp,
                ReplicaState.RUNNING,
                acknowledgeBy(),
                Optional.of(newFinishBy),
                result(),
                extras());
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Replica)) {
            return false;
        }
        final Replica that = (Replica) other;
        return index == that.index
                && workerKey.equals(that.workerKey)
                && msp.equals(that.msp)
                && state == that.state
                && Objects.equals(acknowledgeBy, that.acknowledgeBy)
                && Objects.equals(finishBy, that.finishBy)
                && Objects.equals(result, that.result)
                && Objects.equals(rerun, that.rerun)
                && Objects.equals(commitment, that.commitment)
                && Objects.equals(fault, that.fault)
                && Objects.equals(committedAt, that.committedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                index, workerKey, msp, state, acknowledgeBy, finishBy, result, rerun, commitment, fault, committedAt);
    }

    @Override
    public String toString() {
        return "Replica{index=" + index + ", workerKey=" + workerKey + ", msp=" + msp + ", state=" + state
                + (acknowledgeBy == null ? "" : ", acknowledgeBy=" + acknowledgeBy)
                + (finishBy == null ? "" : ", finishBy=" + finishBy)
                + (rerun == null ? "" : ", rerun")
                + (commitment == null ? "" : ", commitment=" + commitment)
                + (committedAt == null ? "" : ", committedAt=" + committedAt)
                + (result == null ? "" : ", result=" + result.resultHash())
                + (fault == null ? "" : ", fault=" + fault)
                + "}";
    }
}
