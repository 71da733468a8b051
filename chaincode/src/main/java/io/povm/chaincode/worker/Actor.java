// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import io.povm.api.Worker;
import io.povm.chaincode.Caller;
import java.util.Objects;

/**
 * Who signs a worker transaction, as the worker rules see it: MSP, Fabric id, and whether it is an org admin.
 *
 * @param msp the caller's MSP id
 * @param id the caller's Fabric id
 * @param admin whether the caller's certificate carries {@code OU=admin}
 */
public record Actor(String msp, String id, boolean admin) {
    public Actor {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(id, "id");
    }

    public static Actor of(final Caller caller) {
        return new Actor(caller.msp(), caller.id(), caller.isAdmin());
    }

    /** How a caller stands to one worker. */
    public enum Relation {
        /** An admin of the worker's own org. */
        OWN_ADMIN,
        /** An admin of another org. */
        OTHER_ADMIN,
        /** The worker's registered identity, under its registered MSP. */
        SELF,
        /** Anyone else: another worker, a client, a peer. */
        OTHER
    }

    /** @return how this caller stands to {@code worker} */
    public Relation relationTo(final Worker worker) {
        final boolean sameOrg = msp.equals(worker.msp());
        if (sameOrg && id.equals(worker.fabricId())) {
            return Relation.SELF;
        }
        if (admin) {
            return sameOrg ? Relation.OWN_ADMIN : Relation.OTHER_ADMIN;
        }
        return Relation.OTHER;
    }

    /** @return the caller as an error message names it, e.g. {@code an admin of Org2MSP} */
    String describe(final Worker worker) {
        switch (relationTo(worker)) {
            case SELF:
                return "the worker itself";
            case OWN_ADMIN:
            case OTHER_ADMIN:
                return "an admin of " + msp;
            case OTHER:
            default:
                return "an identity of " + msp + " that is neither this worker nor an admin";
        }
    }
}
