// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.assignment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The workers drawn for a job's replicas, one per org, and why fewer than requested were drawn, if they were. */
public final class Assignment {
    private final int requested;
    private final List<Candidate> workers;
    private final String shortfall;

    Assignment(final int requested, final List<Candidate> workers, final String shortfall) {
        this.requested = requested;
        this.workers = List.copyOf(workers);
        this.shortfall = shortfall;
    }

    /** @return how many replicas the job asked for */
    public int requested() {
        return requested;
    }

    /** @return the drawn workers; replica i runs on workers().get(i); their orgs are pairwise distinct */
    public List<Candidate> workers() {
        return workers;
    }

    /** @return why fewer workers than requested were drawn; empty when all were */
    public Optional<String> shortfall() {
        return Optional.ofNullable(shortfall);
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof Assignment)) {
            return false;
        }
        final Assignment other = (Assignment) o;
        return requested == other.requested
                && workers.equals(other.workers)
                && Objects.equals(shortfall, other.shortfall);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requested, workers, shortfall);
    }

    @Override
    public String toString() {
        return "Assignment" + workers + (shortfall == null ? "" : " (" + shortfall + ")");
    }
}
