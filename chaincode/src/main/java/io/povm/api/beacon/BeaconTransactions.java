// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

/** Names of the {@value #CONTRACT} contract: beacon keys, rounds, the lottery and their governance. */
public final class BeaconTransactions {
    /** The contract's name; transactions are called as {@code beacon:OpenRound}. */
    public static final String CONTRACT = "beacon";

    public static final String REGISTER_KEY = CONTRACT + ":RegisterKey";
    public static final String GET_KEYS = CONTRACT + ":GetKeys";
    public static final String PROPOSE_CONFIG = CONTRACT + ":ProposeConfig";
    public static final String APPROVE_CONFIG = CONTRACT + ":ApproveConfig";
    public static final String GET_CONFIG = CONTRACT + ":GetConfig";
    public static final String OPEN_ROUND = CONTRACT + ":OpenRound";
    public static final String COMMIT_ROUND = CONTRACT + ":CommitRound";
    public static final String CHECK_SHARES = CONTRACT + ":CheckShares";
    public static final String REVEAL_ROUND = CONTRACT + ":RevealRound";
    public static final String RECOVER_SHARE = CONTRACT + ":RecoverShare";
    public static final String CLOSE_ROUND = CONTRACT + ":CloseRound";
    public static final String GET_ROUND = CONTRACT + ":GetRound";
    public static final String GET_LATEST = CONTRACT + ":GetLatest";
    public static final String VERIFY_ROUND = CONTRACT + ":VerifyRound";
    public static final String GET_STRIKES = CONTRACT + ":GetStrikes";
    public static final String GET_TICKETS = CONTRACT + ":GetTickets";

    /** The chaincode name bound into every seed, whatever the deployed chaincode is called. */
    public static final String SEED_CHAINCODE = "povm";

    /** Event of every round transaction; its payload is {@code {"round":n,"step":"..."}}. */
    public static final String ROUND_EVENT = "BeaconRound";

    private BeaconTransactions() {}
}
