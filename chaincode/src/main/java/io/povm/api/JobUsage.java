// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@link AgreedUsage} of a job: the claims of every replica that revealed the winning answer (first run and
 * re-run alike), or, when only one did, that replica's claim bounded by the time between its acknowledgement and its
 * commit as the job records them. Its acknowledgement time is its {@code finishBy} minus the SLA's finish window
 * (maxWall plus the finish margin), which is how the acknowledgement set it; a replica committed before commit times
 * were recorded is bounded by that window alone.
 */
public final class JobUsage {
    private JobUsage() {}

    /** @return the agreed usage of the replicas that revealed {@code winner}; empty when none did */
    public static Optional<AgreedUsage> of(final Job job, final SlaSpec sla, final String winner) {
        return of(agreeing(job.replicas(), winner), sla);
    }

    /** @return the agreed usage of these agreeing replicas; empty when there are none */
    public static Optional<AgreedUsage> of(final List<Replica> agreeing, final SlaSpec sla) {
        if (agreeing.isEmpty()) {
            return Optional.empty();
        }
        if (agreeing.size() == 1) {
            final Replica single = agreeing.get(0);
            return Optional.of(AgreedUsage.single(claim(single), ledgerMillis(single, sla)));
        }
        return Optional.of(
                AgreedUsage.of(agreeing.stream().map(JobUsage::claim).toList(), AgreedUsage.Tolerance.DEFAULT));
    }

    /** @return the agreed usage under the job's final verdict; empty without a winner */
    public static Optional<AgreedUsage> of(final Job job, final SlaSpec sla) {
        return job.verdict().flatMap(Verdict::winner).flatMap(w -> of(job, sla, w));
    }

    /** @return the replicas, in the order given, that revealed {@code winner} */
    public static List<Replica> agreeing(final List<Replica> replicas, final String winner) {
        return replicas.stream()
                .filter(r -> r.state() == ReplicaState.RESULT_REVEALED
                        && r.result()
                                .map(ReplicaResult::resultHash)
                                .filter(h -> h.equals(winner))
                                .isPresent())
                .toList();
    }

    /** @return what the replica's attestation claims */
    public static AgreedUsage.Claim claim(final Replica replica) {
        final ReplicaResult result = replica.result().orElseThrow();
        return new AgreedUsage.Claim(replica.index(), replica.workerKey(), result.wallMillis(), result.cpuMillis());
    }

    /**
     * @return the milliseconds between the replica's acknowledgement and its commit on the ledger; the SLA's finish
     *     window when either time is not on record
     */
    public static long ledgerMillis(final Replica replica, final SlaSpec sla) {
        final Duration window = sla.lease().finishWindow(sla.vm());
        if (replica.finishBy().isEmpty() || replica.committedAt().isEmpty()) {
            return window.toMillis();
        }
        final Instant acknowledged = Instant.parse(replica.finishBy().get()).minus(window);
        final Instant committed = Instant.parse(replica.committedAt().get());
        return Math.max(Duration.between(acknowledged, committed).toMillis(), 0);
    }
}
