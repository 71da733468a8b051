// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.assignment;

import java.util.Comparator;
import java.util.Objects;

/** A worker that may take a replica: it serves the job's SLA, has a free slot, is active and reputable enough. */
public final class Candidate {
    /** Stable order of candidates, independent of the order the ledger returned them in. */
    static final Comparator<Candidate> ORDER =
            Comparator.comparing(Candidate::msp).thenComparing(Candidate::workerKey);

    private final String workerKey;
    private final String msp;

    public Candidate(final String workerKey, final String msp) {
        this.workerKey = Objects.requireNonNull(workerKey, "workerKey");
        this.msp = Objects.requireNonNull(msp, "msp");
    }

    public String workerKey() {
        return workerKey;
    }

    public String msp() {
        return msp;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Candidate && ((Candidate) o).workerKey.equals(workerKey) && ((Candidate) o).msp.equals(msp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workerKey, msp);
    }

    @Override
    public String toString() {
        return msp + "/" + workerKey;
    }
}
