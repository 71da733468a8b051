// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which replicas of a finalized job are paid and how much each is due, shared by the chaincode's settlement and by
 * {@code povm attestation verify} (see {@code docs/consensus.md}, "Credits"): every RESULT_REVEALED replica whose
 * result is the final verdict's and whose worker has no violation that forfeits pay ({@link
 * Verdict.Violation#forfeitsPay}), each due {@code floor(price x agreed VM-ms x permille / 10^6)} on the job's
 * {@link AgreedUsage}.
 */
public final class PayoutRule {
    private PayoutRule() {}

    /** @return the replicas, in replica order, that the job's final verdict pays */
    public static List<Replica> paid(final Job job) {
        final Optional<String> winner = job.verdict().flatMap(Verdict::winner);
        final Set<String> forfeited = job.verdict()
                .map(v -> v.violations().stream()
                        .filter(Verdict.Violation::forfeitsPay)
                        .map(Verdict.Violation::who)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        return job.replicas().stream()
                .filter(r -> r.state() == ReplicaState.RESULT_REVEALED
                        && winner.isPresent()
                        && r.result().map(ReplicaResult::resultHash).equals(winner)
                        && !forfeited.contains(r.workerKey()))
                .toList();
    }

    /**
     * @param vmMillis the agreed VM milliseconds ({@link AgreedUsage#vmMillis})
     * @return {@code floor(price x vmMillis x permille / 10^6)}, exactly
     */
    public static long due(final long price, final long vmMillis, final long permille) {
        return BigInteger.valueOf(price)
                .multiply(BigInteger.valueOf(Math.max(vmMillis, 0)))
                .multiply(BigInteger.valueOf(permille))
                .divide(BigInteger.valueOf(1_000_000))
                .longValueExact();
    }
}
