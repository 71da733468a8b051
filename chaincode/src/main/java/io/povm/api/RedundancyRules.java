// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.util.OptionalInt;

/**
 * The rules of {@link Redundancy}, part of {@link JobSpecValidator}:
 *
 * <ul>
 *   <li>{@code k-vote}: {@code replicas} odd, 1 to {@value JobSpecValidator#MAX_REPLICAS};
 *   <li>{@code iterative}: {@code margin} d from 1 to {@value JobSpecValidator#MAX_MARGIN}; {@code minReplicas} from
 *       d (fewer replicas can never open a lead of d) to {@value JobSpecValidator#MAX_REPLICAS}; {@code cap} from
 *       minReplicas to {@value JobSpecValidator#MAX_REPLICAS};
 *   <li>{@code adaptive}: {@code replicas} odd, 3 to {@value JobSpecValidator#MAX_REPLICAS} (the k-vote of a spot
 *       check);
 *   <li>each mode's fields only: the other mode's must be absent.
 * </ul>
 */
final class RedundancyRules {
    private static final String K_VOTE_SHAPE = "{\"mode\":\"k-vote\",\"replicas\":k}";
    private static final String ITERATIVE_SHAPE = "{\"mode\":\"iterative\",\"margin\":d,\"minReplicas\":m,\"cap\":c}";
    private static final String ADAPTIVE_SHAPE = "{\"mode\":\"adaptive\",\"replicas\":k}";

    private RedundancyRules() {}

    static void validate(final Redundancy redundancy) {
        if (Redundancy.K_VOTE.equals(redundancy.mode())) {
            validateKVote(redundancy);
        } else if (Redundancy.ITERATIVE.equals(redundancy.mode())) {
            validateIterative(redundancy);
        } else if (Redundancy.ADAPTIVE.equals(redundancy.mode())) {
            validateAdaptive(redundancy);
        } else {
            throw PovmException.invalid(
                    "redundancy.mode",
                    Quote.prefix(redundancy.mode()) + " is not supported; " + JobSpecValidator.MODE_ACCEPTED);
        }
    }

    private static void validateKVote(final Redundancy redundancy) {
        forbid("margin", redundancy.margin(), Redundancy.K_VOTE, K_VOTE_SHAPE);
        forbid("minReplicas", redundancy.minReplicas(), Redundancy.K_VOTE, K_VOTE_SHAPE);
        forbid("cap", redundancy.cap(), Redundancy.K_VOTE, K_VOTE_SHAPE);
        final int replicas = require("replicas", redundancy.replicas(), JobSpecValidator.REPLICAS_ACCEPTED);
        if (replicas < 1 || replicas > JobSpecValidator.MAX_REPLICAS || replicas % 2 == 0) {
            throw PovmException.invalid(
                    "redundancy.replicas", "is " + replicas + "; must be " + JobSpecValidator.REPLICAS_ACCEPTED);
        }
    }

    private static void validateAdaptive(final Redundancy redundancy) {
        forbid("margin", redundancy.margin(), Redundancy.ADAPTIVE, ADAPTIVE_SHAPE);
        forbid("minReplicas", redundancy.minReplicas(), Redundancy.ADAPTIVE, ADAPTIVE_SHAPE);
        forbid("cap", redundancy.cap(), Redundancy.ADAPTIVE, ADAPTIVE_SHAPE);
        final String accepted =
                "an odd number from 3 to " + JobSpecValidator.MAX_REPLICAS + " (the replicas of a spot check)";
        final int replicas = require("replicas", redundancy.replicas(), accepted);
        if (replicas < 3 || replicas > JobSpecValidator.MAX_REPLICAS || replicas % 2 == 0) {
            throw PovmException.invalid("redundancy.replicas", "is " + replicas + "; must be " + accepted);
        }
    }

    private static void validateIterative(final Redundancy redundancy) {
        forbid("replicas", redundancy.replicas(), Redundancy.ITERATIVE, ITERATIVE_SHAPE);
        final int max = JobSpecValidator.MAX_REPLICAS;
        final int margin =
                require("margin", redundancy.margin(), "the winning lead d, 1 to " + JobSpecValidator.MAX_MARGIN);
        JobSpecValidator.requireRange("redundancy.margin", margin, 1, JobSpecValidator.MAX_MARGIN);
        final int min = require("minReplicas", redundancy.minReplicas(), "replicas to start with, margin to " + max);
        if (min < margin || min > max) {
            throw PovmException.invalid(
                    "redundancy.minReplicas",
                    "is " + min + "; must be from the margin (" + margin + ") to " + max
                            + ": fewer replicas than d can never lead by d");
        }
        final int cap = require("cap", redundancy.cap(), "the most replicas to run, minReplicas to " + max);
        if (cap < min || cap > max) {
            throw PovmException.invalid(
                    "redundancy.cap", "is " + cap + "; must be from minReplicas (" + min + ") to " + max);
        }
    }

    private static int require(final String field, final OptionalInt value, final String accepted) {
        if (value.isEmpty()) {
            throw PovmException.invalid("redundancy." + field, "required; " + accepted);
        }
        return value.getAsInt();
    }

    private static void forbid(final String field, final OptionalInt value, final String mode, final String shape) {
        if (value.isPresent()) {
            throw PovmException.invalid(
                    "redundancy." + field, "is not a field of mode " + mode + ", which takes " + shape);
        }
    }
}
