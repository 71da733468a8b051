// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The usage a job's paid replicas are paid and ticketed on: the figure the agreeing replicas support, never what one
 * worker claims alone (see {@code docs/consensus.md}, "Agreed usage"). The one place of the rule, called by the
 * chaincode's settlement and tickets and by {@code povm attestation verify}.
 *
 * <ul>
 *   <li>Two or more agreeing replicas: the median of their wall times and, apart, of their CPU times; for an even
 *       count the lower middle (for two, the lower claim). A replica whose wall or CPU claim is above the agreed
 *       figure by more than the {@link Tolerance} is an over-claimer: it is still paid, on the agreed figure.
 *   <li>One replica: its wall claim bounded by what the ledger saw, {@code min(claim, commitAt - acknowledgedAt)}.
 * </ul>
 *
 * <pre>{@code
 * AgreedUsage usage = AgreedUsage.of(List.of(
 *         new Claim(0, "Org1MSP/w1", 200, 150), new Claim(1, "Org2MSP/w1", 210, 160),
 *         new Claim(2, "Org3MSP/w1", 3_599_999, 150)), Tolerance.DEFAULT);
 * usage.wallMillis();   // 210
 * usage.overClaims();   // [the claim of replica 2]
 * }</pre>
 *
 * @param wallMillis the agreed wall time
 * @param cpuMillis the agreed CPU time
 * @param overClaims the claims above the agreed figures by more than the tolerance, in the order given
 */
public record AgreedUsage(long wallMillis, long cpuMillis, List<Claim> overClaims) {
    public AgreedUsage {
        overClaims = List.copyOf(overClaims);
    }

    /** What one replica's attestation claims it used. */
    public record Claim(int replica, String workerKey, long wallMillis, long cpuMillis) {
        public Claim {
            Objects.requireNonNull(workerKey, "workerKey");
        }
    }

    /**
     * How far above the agreed figure a claim may be without a usage violation: a claim is over only when it is more
     * than {@code percent} % AND more than {@code millis} ms above it, so that a small job's jitter and a long job's
     * few percent both pass.
     */
    public record Tolerance(int percent, long millis) {
        /** More than 25 % and more than 1 s above the agreed figure. */
        public static final Tolerance DEFAULT = new Tolerance(25, 1000);

        public Tolerance {
            if (percent < 0 || millis < 0) {
                throw new IllegalArgumentException(
                        "a tolerance is 0 or more; got " + percent + " %, " + millis + " ms");
            }
        }

        /** @return whether {@code claimed} is above {@code agreed} by more than this tolerance */
        public boolean exceeded(final long claimed, final long agreed) {
            final BigInteger over = BigInteger.valueOf(claimed).subtract(BigInteger.valueOf(agreed));
            return over.compareTo(BigInteger.valueOf(millis)) > 0
                    && over.multiply(BigInteger.valueOf(100))
                                    .compareTo(BigInteger.valueOf(agreed).multiply(BigInteger.valueOf(percent)))
                            > 0;
        }
    }

    /**
     * @param claims the claims of the replicas that agree on the answer, at least one
     * @return the lower-middle median of their wall and CPU times and who claimed more than {@code tolerance} above
     */
    public static AgreedUsage of(final List<Claim> claims, final Tolerance tolerance) {
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("agreed usage needs at least one claim");
        }
        final long wall = lowerMedian(claims, Claim::wallMillis);
        final long cpu = lowerMedian(claims, Claim::cpuMillis);
        final List<Claim> over = claims.stream()
                .filter(c -> tolerance.exceeded(c.wallMillis(), wall) || tolerance.exceeded(c.cpuMillis(), cpu))
                .toList();
        return new AgreedUsage(wall, cpu, over);
    }

    /**
     * @param ledgerMillis the time the ledger saw the replica run: its commit's transaction time minus its
     *     acknowledgement's
     * @return the usage of a replica no other replica checks: its wall claim, at most {@code ledgerMillis}
     */
    public static AgreedUsage single(final Claim claim, final long ledgerMillis) {
        return new AgreedUsage(Math.min(claim.wallMillis(), Math.max(ledgerMillis, 0)), claim.cpuMillis(), List.of());
    }

    /** @return the VM milliseconds paid and ticketed: the agreed wall time, at most the SLA's maxWall */
    public long vmMillis(final int maxWallSeconds) {
        return Math.min(Math.max(wallMillis, 0), maxWallSeconds * 1000L);
    }

    private static long lowerMedian(final List<Claim> claims, final ToLongFunction<Claim> figure) {
        final List<Long> sorted = claims.stream()
                .map(c -> figure.applyAsLong(c))
                .sorted(Comparator.naturalOrder())
                .toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
