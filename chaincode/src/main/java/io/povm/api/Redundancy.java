package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * How many independent replicas of a job run and how their results are combined, e.g. {@code
 * {"mode":"k-vote","replicas":3}}: three workers run the job and the majority result wins. The accepted modes and
 * replica counts are checked by {@link JobSpecValidator}.
 */
@JsonPropertyOrder({"mode", "replicas"})
public final class Redundancy {
    /** Majority vote over a fixed, odd number of replicas. */
    public static final String K_VOTE = "k-vote";

    @JsonProperty("mode")
    private final String mode;

    @JsonProperty("replicas")
    private final int replicas;

    /** @throws PovmException INVALID_ARGUMENT [redundancy.mode] when the mode is missing */
    public Redundancy(final String mode, final int replicas) {
        this.mode = PovmException.requirePresent(mode, "redundancy.mode", JobSpecValidator.MODE_ACCEPTED);
        this.replicas = replicas;
    }

    /** @return majority vote over {@code replicas} replicas */
    public static Redundancy kVote(final int replicas) {
        return new Redundancy(K_VOTE, replicas);
    }

    @JsonCreator
    static Redundancy fromJson(
            @JsonProperty("mode") final String mode, @JsonProperty("replicas") final Integer replicas) {
        PovmException.requirePresent(replicas, "redundancy.replicas", JobSpecValidator.REPLICAS_ACCEPTED);
        return new Redundancy(mode, replicas);
    }

    public String mode() {
        return mode;
    }

    public int replicas() {
        return replicas;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Redundancy)) {
            return false;
        }
        final Redundancy that = (Redundancy) other;
        return replicas == that.replicas && mode.equals(that.mode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, replicas);
    }

    @Override
    public String toString() {
        return "Redundancy{mode=" + mode + ", replicas=" + replicas + "}";
    }
}
