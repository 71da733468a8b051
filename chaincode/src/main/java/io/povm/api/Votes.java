// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.util.Collection;
import java.util.Optional;

/**
 * The one rule for a member org voting on a governance proposal (an SLA's approval or deprecation, a mint, a beacon
 * config, a new member): one vote per org, and a vote by an org that voted already is a replay. A replay returns the
 * proposal as stored and writes nothing, no event, in any state of the proposal, as an identical {@code SubmitJob} or
 * {@code worker:Register} does: a client that lost the answer to its vote may send it again safely. Only a new vote
 * is checked against the proposal's state (refused once it executed) and counted.
 *
 * <pre>{@code
 * return Votes.replay(stored, stored.approvingOrgs(), caller.msp()).orElseGet(() -> count(stored, caller));
 * }</pre>
 */
public final class Votes {
    private Votes() {}

    /**
     * @param stored the proposal as stored
     * @param voters the orgs that voted on it already (this kind of vote)
     * @param voter the voting org's MSP id
     * @return {@code stored} when {@code voter} voted already, for the caller to return unchanged; empty for a new vote
     */
    public static <P> Optional<P> replay(final P stored, final Collection<String> voters, final String voter) {
        return voters.contains(voter) ? Optional.of(stored) : Optional.empty();
    }
}
