// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.Dispute;
import java.util.List;
import java.util.Optional;

/**
 * Finds the first checkpoint at which two runs of a job diverge (TrueBit-style bisection, paper 003), over the
 * checkpoint leaf values two replicas revealed. Checkpoints carry the job's running state (the coin flipper's flip
 * count, streak and hash state), so once two runs differ they stay different; binary search then needs only
 * log2(n) comparisons to find the first differing index. A run whose list is a strict prefix of the other's diverges
 * where it ends.
 */
public final class Bisection {
    private Bisection() {}

    /**
     * @param verdict the leaves of the answer under dispute
     * @param rerun the leaves of the re-run's answer
     * @return the first index where the lists differ; empty when they are equal
     */
    public static Optional<Dispute.Divergence> firstDivergence(final List<String> verdict, final List<String> rerun) {
        int low = 0;
        int high = Math.min(verdict.size(), rerun.size());
        while (low < high) {
            final int mid = (low + high) >>> 1;
            if (verdict.get(mid).equals(rerun.get(mid))) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if (low == verdict.size() && low == rerun.size()) {
            return Optional.empty();
        }
        return Optional.of(new Dispute.Divergence(
                low, low < verdict.size() ? verdict.get(low) : null, low < rerun.size() ? rerun.get(low) : null));
    }
}
