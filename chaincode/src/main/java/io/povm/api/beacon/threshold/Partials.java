// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.beacon.Dleq;
import io.povm.api.beacon.Lagrange;
import io.povm.api.beacon.P256;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Checks partials as they land and combines t of them. σ = Σ_{i in S} λ_i·σ_i with the Lagrange coefficients λ_i of
 * the index set S at 0: since σ_i = x_i·H(r) and x = Σ λ_i·x_i for any t shares of the degree t-1 polynomial, σ =
 * x·H(r) whichever t valid partials are used. Pure and deterministic.
 */
public final class Partials {
    private Partials() {}

    /**
     * Checks a partial against the key's public share of its org.
     *
     * @throws PovmException INVALID_ARGUMENT {@code [partials[MSP]]} naming the org and what is wrong: another round,
     *     not a member, a malformed point, or a DLEQ proof that does not hold (σ_i not x_i·H(r) for X_i's x_i)
     */
    public static void verify(
            final ThresholdKey key, final BeaconDomain domain, final long round, final Partial partial) {
        verify(key, domain, round, P256.hex(domain.roundPoint(round)), partial);
    }

    /** As {@link #verify(ThresholdKey, BeaconDomain, long, Partial)} with H(r) computed once by the caller. */
    static void verify(
            final ThresholdKey key,
            final BeaconDomain domain,
            final long round,
            final String h,
            final Partial partial) {
        PovmException.requirePresent(partial, "partials", "a partial");
        final String msp = PovmException.requirePresent(partial.msp(), "partials", "the posting org's MSP id");
        final String field = "partials[" + msp + "]";
        if (partial.round() != round) {
            throw PovmException.invalid(field, msp + "'s partial is for round " + partial.round() + ", not " + round);
        }
        final ThresholdKey.PublicShare share = key.share(msp)
                .orElseThrow(() -> PovmException.invalid(
                        field, msp + " is not a member of key generation " + key.epoch() + "; it has no share"));
        final boolean holds;
        try {
            holds = Dleq.verify(
                    domain.context(Partial.PURPOSE, round, msp), h, share.point(), partial.sigma(), partial.proof());
        } catch (PovmException e) {
            throw PovmException.invalid(field, msp + "'s partial is malformed: " + e.getMessage());
        }
        if (!holds) {
            throw PovmException.invalid(
                    field,
                    msp + "'s partial for round " + round + " is refused: its DLEQ proof does not show sigma = x_i·H(r)"
                            + " for its public share X_" + share.index());
        }
    }

    /** @return whether {@link #verify} accepts the partial */
    public static boolean valid(
            final ThresholdKey key, final BeaconDomain domain, final long round, final Partial partial) {
        try {
            verify(key, domain, round, partial);
            return true;
        } catch (PovmException e) {
            return false;
        }
    }

    /**
     * Verifies every partial and combines the t with the lowest indices into σ = x·H(r).
     *
     * @throws PovmException INVALID_ARGUMENT naming the first wrong or duplicated partial's org; INVALID_STATE
     *     {@code [partials]} when fewer than t partials are given
     */
    public static ECPoint combine(
            final ThresholdKey key, final BeaconDomain domain, final long round, final List<Partial> partials) {
        PovmException.requirePresent(partials, "partials", "the posted partials");
        final String h = P256.hex(domain.roundPoint(round));
        final Set<String> seen = new HashSet<>();
        for (final Partial partial : partials) {
            verify(key, domain, round, h, partial);
            if (!seen.add(partial.msp())) {
                throw PovmException.invalid(
                        "partials[" + partial.msp() + "]", partial.msp() + " posted more than one partial");
            }
        }
        if (partials.size() < key.threshold()) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE,
                    "partials",
                    "round " + round + " has " + partials.size() + " valid partials "
                            + seen.stream().sorted().toList()
                            + ", needs " + key.threshold() + " of "
                            + key.members().size()
                            + "; it waits for more (no re-roll)"));
        }
        final List<ThresholdKey.PublicShare> used = key.publicShares().stream()
                .filter(s -> seen.contains(s.msp()))
                .limit(key.threshold())
                .toList();
        return interpolate(used, partials);
    }

    private static ECPoint interpolate(final List<ThresholdKey.PublicShare> used, final List<Partial> partials) {
        final List<Integer> indices =
                used.stream().map(ThresholdKey.PublicShare::index).toList();
        ECPoint sum = P256.CURVE.getInfinity();
        for (final ThresholdKey.PublicShare share : used) {
            final Partial partial = partials.stream()
                    .filter(p -> p.msp().equals(share.msp()))
                    .findFirst()
                    .orElseThrow();
            final BigInteger lambda = Lagrange.coefficientAtZero(share.index(), indices);
            sum = sum.add(P256.point("sigma", partial.sigma()).multiply(lambda));
        }
        return sum.normalize();
    }
}
