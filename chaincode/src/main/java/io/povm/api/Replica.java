package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One replica of a job: its position among the job's replicas, the worker holding it (its registry key and its
 * organization's MSP id) and its {@link ReplicaState}.
 *
 * <pre>{@code
 * {"index":0,"workerKey":"Org2MSP/worker-1","msp":"Org2MSP","state":"ASSIGNED"}
 * }</pre>
 */
@JsonPropertyOrder({"index", "workerKey", "msp", "state"})
public final class Replica {
    @JsonProperty("index")
    private final int index;

    @JsonProperty("workerKey")
    private final String workerKey;

    @JsonProperty("msp")
    private final String msp;

    @JsonProperty("state")
    private final ReplicaState state;

    /**
     * @param index 0-based position among the job's replicas
     * @param workerKey the worker's key in the worker registry
     * @param msp the MSP id of the worker's organization
     */
    public Replica(final int index, final String workerKey, final String msp, final ReplicaState state) {
        if (index < 0) {
            throw PovmException.invalid("replicas.index", "must be 0 or more; got " + index);
        }
        this.index = index;
        this.workerKey = PovmException.requirePresent(workerKey, "replicas.workerKey", "the worker's registry key");
        this.msp = PovmException.requirePresent(msp, "replicas.msp", "the worker organization's MSP id");
        this.state = PovmException.requirePresent(state, "replicas.state", "the replica's state");
    }

    @JsonCreator
    static Replica fromJson(
            @JsonProperty("index") final Integer index,
            @JsonProperty("workerKey") final String workerKey,
            @JsonProperty("msp") final String msp,
            @JsonProperty("state") final ReplicaState state) {
        return new Replica(
                PovmException.requirePresent(index, "replicas.index", "0-based position"), workerKey, msp, state);
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

    /** @return this replica in another state */
    public Replica withState(final ReplicaState next) {
        return new Replica(index, workerKey, msp, next);
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
        return index == that.index && workerKey.equals(that.workerKey) && msp.equals(that.msp) && state == that.state;
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, workerKey, msp, state);
    }

    @Override
    public String toString() {
        return "Replica{index=" + index + ", workerKey=" + workerKey + ", msp=" + msp + ", state=" + state + "}";
    }
}
