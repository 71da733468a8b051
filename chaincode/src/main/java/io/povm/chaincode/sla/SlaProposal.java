// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.sla;

import io.povm.api.PovmException;
import io.povm.api.Sla;
import io.povm.api.SlaSpec;
import io.povm.api.SlaTransactions;
import io.povm.api.Submitter;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code sla:Propose} and the decision it leads to given what the ledger holds under {@code name@version}:
 * create a PROPOSED SLA, replay the identical proposal of the same org (nothing is written), or refuse the version as
 * taken.
 */
public final class SlaProposal {
    private final SlaSpec spec;
    private final Submitter proposer;
    private final String at;
    private final String txId;

    /**
     * @param spec validated terms
     * @param proposer the org admin proposing them
     * @param at the transaction timestamp, ISO-8601 UTC
     */
    public SlaProposal(final SlaSpec spec, final Submitter proposer, final String at, final String txId) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.proposer = Objects.requireNonNull(proposer, "proposer");
        this.at = Objects.requireNonNull(at, "at");
        this.txId = Objects.requireNonNull(txId, "txId");
    }

    /**
     * @param stored the SLA already on the ledger under this name and version, if any
     * @throws PovmException DUPLICATE_ID [version] when the version holds other terms, or the same terms proposed by
     *     another org (which should approve it instead)
     */
    public Decision decide(final Optional<Sla> stored) {
        if (stored.isEmpty()) {
            return new Decision(Sla.proposed(spec, proposer, at, txId), true);
        }
        final Sla existing = stored.get();
        final String origin = "(proposed by " + existing.proposer().msp() + " at " + existing.proposedAt() + ")";
        if (!existing.spec().equals(spec)) {
            throw PovmException.duplicate(
                    "version",
                    "SLA " + spec.ref() + " already exists with other terms " + origin
                            + "; terms never change: propose yours as a new version");
        }
        if (!existing.proposer().msp().equals(proposer.msp())) {
            throw PovmException.duplicate(
                    "version",
                    "SLA " + spec.ref() + " already exists with these terms " + origin + "; approve it instead: "
                            + SlaTransactions.APPROVE + " " + spec.ref());
        }
        return new Decision(existing, false);
    }

    /** The SLA to return, and whether it is new and must be written. */
    public static final class Decision {
        private final Sla sla;
        private final boolean created;

        private Decision(final Sla sla, final boolean created) {
            this.sla = sla;
            this.created = created;
        }

        public Sla sla() {
            return sla;
        }

        /** @return true for a new SLA; false when the same org's identical proposal is replayed */
        public boolean created() {
            return created;
        }
    }
}
