// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

/**
 * Names of the {@value #CONTRACT} contract: the threshold beacon's key generations (epochs) and rounds, beside the
 * escrowed commit-reveal beacon of {@code beacon}. Its own contract, so that {@code OpenRound}, {@code GetRound} and
 * {@code VerifyRound} keep their meaning in both while rounds move from one scheme to the other.
 */
public final class ThresholdTransactions {
    /** The contract's name; transactions are called as {@code threshold:PostPartial}. */
    public static final String CONTRACT = "threshold";

    public static final String OPEN_EPOCH = CONTRACT + ":OpenEpoch";
    public static final String DEAL_KEY = CONTRACT + ":DealKey";
    public static final String CHECK_KEY = CONTRACT + ":CheckKey";
    public static final String COMPLETE_KEY = CONTRACT + ":CompleteKey";
    public static final String GET_EPOCH = CONTRACT + ":GetEpoch";
    public static final String GET_THRESHOLD_KEY = CONTRACT + ":GetThresholdKey";
    public static final String OPEN_ROUND = CONTRACT + ":OpenRound";
    public static final String POST_PARTIAL = CONTRACT + ":PostPartial";
    public static final String GET_ROUND = CONTRACT + ":GetRound";
    public static final String VERIFY_ROUND = CONTRACT + ":VerifyRound";
    public static final String GET_LATEST = CONTRACT + ":GetLatest";

    /** Event of every key generation transaction; payload {@code {"epoch":n,"msp":"..","step":".."}}. */
    public static final String EPOCH_EVENT = "BeaconEpoch";

    /** Event of every threshold round transaction; payload {@code {"msp":"..","round":n,"step":".."}}. */
    public static final String ROUND_EVENT = "BeaconThresholdRound";

    private ThresholdTransactions() {}
}
