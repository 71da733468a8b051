// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.sla;

/**
 * The two kinds of per-org vote on an SLA. Each kind has its own object type, so an org's approval and its
 * deprecation vote are separate keys: {@code (objectType, name, version, msp)}.
 */
public enum VoteKind {
    /** A vote to make a PROPOSED SLA ACTIVE; the proposer's org casts the first one. */
    APPROVAL("sla-approval"),
    /** A vote to make an ACTIVE SLA DEPRECATED. */
    DEPRECATION("sla-deprecation");

    private final String objectType;

    VoteKind(final String objectType) {
        this.objectType = objectType;
    }

    /** @return the composite key object type of this kind of vote */
    public String objectType() {
        return objectType;
    }
}
