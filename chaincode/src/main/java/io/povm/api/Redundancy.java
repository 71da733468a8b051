// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How many independent replicas of a job run and how their results are combined. Two modes:
 *
 * <ul>
 *   <li>{@code {"mode":"k-vote","replicas":3}}: a fixed, odd number of replicas; the majority result wins.
 *   <li>{@code {"mode":"iterative","margin":2,"minReplicas":2,"cap":7}}: iterative redundancy (Brun et al., paper
 *       000 section 4): start {@code minReplicas} replicas and add one at a time until one result leads every other
 *       by {@code margin} votes, never running more than {@code cap}; at the cap without that lead the job fails.
 *   <li>{@code {"mode":"adaptive","replicas":3}}: adaptive replication (BOINC): one replica first; a worker with a
 *       long run of agreements is spot-checked only at random (from the seed source, never predictable to the
 *       worker), and otherwise the job gets {@code replicas - 1} more and a k-vote over all of them.
 * </ul>
 *
 * <p>Each mode has only its own fields; the other mode's fields must be absent. The ranges are checked by {@link
 * JobSpecValidator}; the constructor only requires a mode.
 */
@JsonPropertyOrder({"mode", "replicas", "margin", "minReplicas", "cap"})
public final class Redundancy {
    /** Majority vote over a fixed, odd number of replicas. */
    public static final String K_VOTE = "k-vote";
    /** Replicas added until one result leads by a margin, up to a cap. */
    public static final String ITERATIVE = "iterative";
    /** One replica, spot-checked by a k-vote unless its worker is trusted and the random check passes it by. */
    public static final String ADAPTIVE = "adaptive";

    @JsonProperty("mode")
    private final String mode;

    @JsonProperty("replicas")
    private final Integer replicas;

    @JsonProperty("margin")
    private final Integer margin;

    @JsonProperty("minReplicas")
    private final Integer minReplicas;

    @JsonProperty("cap")
    private final Integer cap;

    /**
     * @param replicas k-vote only; null otherwise
     * @param margin iterative only; null otherwise
     * @param minReplicas iterative only; null otherwise
     * @param cap iterative only; null otherwise
     * @throws PovmException INVALID_ARGUMENT [redundancy.mode] when the mode is missing
     */
    @JsonCreator
    public Redundancy(
            @JsonProperty("mode") final String mode,
            @JsonProperty("replicas") final Integer replicas,
            @JsonProperty("margin") final Integer margin,
            @JsonProperty("minReplicas") final Integer minReplicas,
            @JsonProperty("cap") final Integer cap) {
        this.mode = PovmException.requirePresent(mode, "redundancy.mode", JobSpecValidator.MODE_ACCEPTED);
        this.replicas = replicas;
        this.margin = margin;
        this.minReplicas = minReplicas;
        this.cap = cap;
    }

    /** @return majority vote over {@code replicas} replicas */
    public static Redundancy kVote(final int replicas) {
        return new Redundancy(K_VOTE, replicas, null, null, null);
    }

    /** @return iterative redundancy: {@code minReplicas} first, then more until a lead of {@code margin}, at most cap */
    public static Redundancy iterative(final int margin, final int minReplicas, final int cap) {
        return new Redundancy(ITERATIVE, null, margin, minReplicas, cap);
    }

    public String mode() {
        return mode;
    }

    public boolean isIterative() {
        return ITERATIVE.equals(mode);
    }

    public boolean isAdaptive() {
        return ADAPTIVE.equals(mode);
    }

    /** @return adaptive replication: one replica first, a k-vote over {@code replicas} when spot-checked */
    public static Redundancy adaptive(final int replicas) {
        return new Redundancy(ADAPTIVE, replicas, null, null, null);
    }

    /** @return k of k-vote; empty in iterative mode */
    public OptionalInt replicas() {
        return optional(replicas);
    }

    /** @return the winning lead d of iterative mode; empty in k-vote */
    public OptionalInt margin() {
        return optional(margin);
    }

    /** @return how many replicas iterative mode starts with; empty in k-vote */
    public OptionalInt minReplicas() {
        return optional(minReplicas);
    }

    /** @return the most replicas iterative mode may run; empty in k-vote */
    public OptionalInt cap() {
        return optional(cap);
    }

    /** @return how many replicas to assign first: k, minReplicas, or 1 for adaptive (0 when the field is missing) */
    public int initialReplicas() {
        if (isAdaptive()) {
            return 1;
        }
        return (isIterative() ? minReplicas() : replicas()).orElse(0);
    }

    /** @return the most replicas the job may ever run: k, or the cap (0 when the field is missing) */
    public int maxReplicas() {
        return (isIterative() ? cap() : replicas()).orElse(0);
    }

    /** @return e.g. {@code k-vote:3} or {@code iterative:d=2,min=2,cap=7}, the form the command line takes */
    public String describe() {
        if (isIterative()) {
            return ITERATIVE + ":d=" + text(margin) + ",min=" + text(minReplicas) + ",cap=" + text(cap);
        }
        return mode + ":" + text(replicas);
    }

    private static OptionalInt optional(final Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static String text(final Integer value) {
        return value == null ? "?" : value.toString();
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
        return mode.equals(that.mode)
                && Objects.equals(replicas, that.replicas)
                && Objects.equals(margin, that.margin)
                && Objects.equals(minReplicas, that.minReplicas)
                && Objects.equals(cap, that.cap);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, replicas, margin, minReplicas, cap);
    }

    @Override
    public String toString() {
        return "Redundancy{" + describe() + "}";
    }
}
