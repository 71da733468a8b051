// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import io.povm.api.PovmException;
import io.povm.api.beacon.P256;
import io.povm.api.beacon.RoundMember;
import io.povm.api.beacon.SeedDerivation;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Recomputes a threshold round from the ledger alone: the key's public shares and the posted partials. The chaincode
 * closes a round with {@link #compute}; its verify transaction and {@code povm beacon verify} call {@link #differences}
 * on what was stored, so both sides run this one piece of code.
 *
 * <pre>{@code
 * ThresholdResult result = ThresholdOutcome.compute(key, domain, 7, partials);
 * List<String> diffs = ThresholdOutcome.differences(key, domain, 7, partials, stored); // empty: it verifies
 * }</pre>
 */
public final class ThresholdOutcome {
    private static final HexFormat HEX = HexFormat.of();

    private ThresholdOutcome() {}

    /**
     * @return the round's result from t or more partials
     * @throws PovmException as {@link Partials#combine}: a wrong partial named by its org, or fewer than t
     */
    public static ThresholdResult compute(
            final ThresholdKey key, final BeaconDomain domain, final long round, final List<Partial> partials) {
        final ECPoint sigma = Partials.combine(key, domain, round, partials);
        final byte[] seed = domain.seed(round, sigma);
        final Set<String> posted = new TreeSet<>();
        partials.forEach(p -> posted.add(p.msp()));
        final List<String> members =
                key.members().stream().map(RoundMember::msp).toList();
        return new ThresholdResult(
                round,
                key.epoch(),
                P256.hex(sigma),
                HEX.formatHex(seed),
                HEX.formatHex(SeedDerivation.subSeed(seed, SeedDerivation.Purpose.LOTTERY)),
                HEX.formatHex(SeedDerivation.subSeed(seed, SeedDerivation.Purpose.ASSIGN)),
                HEX.formatHex(SeedDerivation.subSeed(seed, SeedDerivation.Purpose.AUDIT)),
                members.stream().filter(posted::contains).toList(),
                members.stream().filter(m -> !posted.contains(m)).toList());
    }

    /**
     * Lists every difference between a stored result and the one the posted partials give: each partial that does not
     * verify (by org), too few valid partials, then each field that differs. Invalid partials are left out of the
     * recomputation, so one bad partial on the ledger does not hide whether the rest give the stored seed.
     *
     * @return the differences; empty when the stored result verifies
     */
    public static List<String> differences(
            final ThresholdKey key,
            final BeaconDomain domain,
            final long round,
            final List<Partial> partials,
            final ThresholdResult stored) {
        final List<String> out = new ArrayList<>();
        final List<Partial> valid = new ArrayList<>();
        final String h = P256.hex(domain.roundPoint(round));
        for (final Partial partial : partials) {
            try {
                Partials.verify(key, domain, round, h, partial);
                valid.add(partial);
            } catch (PovmException e) {
                out.add(e.getMessage());
            }
        }
        if (stored == null) {
            out.add("round " + round + " is not closed");
            return out;
        }
        final ThresholdResult again;
        try {
            again = compute(key, domain, round, valid);
        } catch (PovmException e) {
            out.add("cannot recompute: " + e.getMessage());
            return out;
        }
        compare(out, "epoch", stored.epoch(), again.epoch());
        compare(out, "sigma", stored.sigma(), again.sigma());
        compare(out, "seed", stored.seed(), again.seed());
        compare(out, "lotterySeed", stored.lotterySeed(), again.lotterySeed());
        compare(out, "assignSeed", stored.assignSeed(), again.assignSeed());
        compare(out, "auditSeed", stored.auditSeed(), again.auditSeed());
        compare(out, "contributors", stored.contributors(), again.contributors());
        compare(out, "absent", stored.absent(), again.absent());
        return out;
    }

    private static void compare(final List<String> out, final String field, final Object stored, final Object again) {
        if (!Objects.equals(stored, again)) {
            out.add(field + ": stored " + stored + ", recomputed " + again);
        }
    }
}
