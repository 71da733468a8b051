// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.org;

import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.MspIdList;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Submitter;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code org:Bootstrap} and the decision it leads to given what the ledger holds: store the members, replay an
 * identical earlier bootstrap (nothing is written), or refuse to change members that are already set.
 */
public final class MembersBootstrap {
    private final MspIdList mspIds;
    private final Submitter caller;
    private final String at;
    private final String txId;

    /**
     * @param mspIds the checked member list
     * @param caller the org admin calling Bootstrap
     * @param at the transaction timestamp, ISO-8601 UTC
     */
    public MembersBootstrap(final MspIdList mspIds, final Submitter caller, final String at, final String txId) {
        this.mspIds = Objects.requireNonNull(mspIds, "mspIds");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.at = Objects.requireNonNull(at, "at");
        this.txId = Objects.requireNonNull(txId, "txId");
    }

    /**
     * @param stored the members already on the ledger, if any
     * @return the members to return, and whether they are new and must be written
     * @throws PovmException INVALID_ARGUMENT [mspIds] when the caller's own org is not in the list; INVALID_STATE
     *     [mspIds] when other members are already set
     */
    public Decision decide(final Optional<Members> stored) {
        if (!mspIds.ids().contains(caller.msp())) {
            throw PovmException.invalid(
                    MspIdList.FIELD,
                    "must include the caller's own org " + caller.msp() + "; an org admin cannot bootstrap a"
                            + " membership its org is not part of");
        }
        if (stored.isEmpty()) {
            return new Decision(new Members(mspIds.ids(), caller, at, txId), true);
        }
        final Members existing = stored.get();
        if (existing.msps().equals(mspIds.ids())) {
            return new Decision(existing, false);
        }
        throw new PovmException(new PovmError(
                ErrorCode.INVALID_STATE,
                MspIdList.FIELD,
                "the members are already set to " + String.join(", ", existing.msps()) + " (by "
                        + existing.bootstrappedBy().msp() + " at " + existing.bootstrappedAt()
                        + "); Bootstrap runs once, and changing the members will need a majority vote"));
    }

    /** The members to return, and whether they are new. */
    public static final class Decision {
        private final Members members;
        private final boolean created;

        private Decision(final Members members, final boolean created) {
            this.members = members;
            this.created = created;
        }

        public Members members() {
            return members;
        }

        /** @return true when the members are new; false when an identical bootstrap is replayed */
        public boolean created() {
            return created;
        }
    }
}
