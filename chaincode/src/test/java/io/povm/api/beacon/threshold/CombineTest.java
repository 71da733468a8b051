// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.PovmException;
import io.povm.api.beacon.P256;
import io.povm.api.beacon.RoundMember;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CombineTest {
    private static final long ROUND = 11;
    private static Fixture orgs;
    private static ThresholdKey key;
    private static List<Partial> partials;

    @BeforeAll
    static void keyGeneration() {
        orgs = new Fixture(3, 1502).dealAll().checkAll();
        key = orgs.generation.complete();
        partials =
                List.of(orgs.partial(ROUND, "Org1MSP"), orgs.partial(ROUND, "Org2MSP"), orgs.partial(ROUND, "Org3MSP"));
    }

    /** For n = 3..7 orgs, t = floor(n/2)+1: a random subset of t..n members' partials, in random order. */
    @Property(tries = 25)
    void any_t_or_more_of_n_partials_combine_to_x_times_H_r(
            @ForAll @IntRange(min = 3, max = 7) final int n, @ForAll final long seed) {
        final Fixture group = new Fixture(n, seed).dealAll().checkAll();
        final ThresholdKey groupKey = group.generation.complete();
        final Random pick = new Random(seed);
        final List<String> msps = new ArrayList<>(
                groupKey.members().stream().map(RoundMember::msp).toList());
        Collections.shuffle(msps, pick);
        final int size = groupKey.threshold() + pick.nextInt(n - groupKey.threshold() + 1);
        final List<Partial> posted =
                msps.subList(0, size).stream().map(m -> group.partial(ROUND, m)).toList();

        final ECPoint sigma = Partials.combine(groupKey, Fixture.DOMAIN, ROUND, posted);

        final ECPoint expected = Fixture.times(Fixture.DOMAIN.roundPoint(ROUND), group.secretOf(groupKey.qualified()));
        assertThat(P256.hex(sigma)).isEqualTo(P256.hex(expected));
        assertThat(P256.hex(P256.times(P256.G, group.secretOf(groupKey.qualified()))))
                .isEqualTo(groupKey.publicKey());
    }

    @Test
    void every_pair_of_three_partials_gives_the_same_sigma_and_seed() {
        final List<List<Partial>> pairs = List.of(
                List.of(partials.get(0), partials.get(1)),
                List.of(partials.get(0), partials.get(2)),
                List.of(partials.get(2), partials.get(1)),
                partials);

        assertThat(pairs.stream()
                        .map(p -> ThresholdOutcome.compute(key, Fixture.DOMAIN, ROUND, p)
                                .seed())
                        .distinct())
                .hasSize(1);
    }

    @Test
    void fewer_than_t_partials_cannot_combine() {
        assertThatThrownBy(() -> Partials.combine(key, Fixture.DOMAIN, ROUND, List.of(partials.get(1))))
                .isInstanceOf(PovmException.class)
                .hasMessage("INVALID_STATE [partials] round 11 has 1 valid partials [Org2MSP], needs 2 of 3;"
                        + " it waits for more (no re-roll)");
    }

    @Test
    void the_same_org_twice_does_not_count_as_two() {
        final Partial again = orgs.partial(ROUND, "Org1MSP");

        assertThatThrownBy(() -> Partials.combine(key, Fixture.DOMAIN, ROUND, List.of(partials.get(0), again)))
                .hasMessage("INVALID_ARGUMENT [partials[Org1MSP]] Org1MSP posted more than one partial");
    }

    @Test
    void one_wrong_partial_stops_the_combination_naming_its_org() {
        final Partial wrong = new Partial(
                ROUND,
                "Org3MSP",
                partials.get(0).sigma(),
                partials.get(2).challenge(),
                partials.get(2).response());

        assertThatThrownBy(() -> Partials.combine(key, Fixture.DOMAIN, ROUND, List.of(partials.get(0), wrong)))
                .hasMessageStartingWith("INVALID_ARGUMENT [partials[Org3MSP]]");
    }

    /** seed_r pinned: SHA-256 of the documented encoding, computed with Python's hashlib for σ = G. */
    @Test
    void the_seed_hashes_the_documented_encoding() {
        assertThat(HexFormat.of().formatHex(Fixture.DOMAIN.seed(7, P256.G)))
                .isEqualTo("a9c98c8ec1bded8fe6f564ddfe9cb6d30e94761f5f176f1fbe413ea3af88826f");
    }

    @Test
    void the_result_names_contributors_and_absent_members_and_verifies_offline() {
        final List<Partial> posted = List.of(partials.get(2), partials.get(0));
        final ThresholdResult result = ThresholdOutcome.compute(key, Fixture.DOMAIN, ROUND, posted);

        assertThat(result.contributors()).containsExactly("Org1MSP", "Org3MSP");
        assertThat(result.absent()).containsExactly("Org2MSP");
        assertThat(result.epoch()).isEqualTo(Fixture.EPOCH);
        assertThat(ThresholdOutcome.differences(key, Fixture.DOMAIN, ROUND, posted, result))
                .isEmpty();
    }

    @Test
    void the_offline_check_lists_a_wrong_seed_and_a_bad_partial_on_the_ledger() {
        final ThresholdResult result = ThresholdOutcome.compute(key, Fixture.DOMAIN, ROUND, partials);
        final ThresholdResult forged = new ThresholdResult(
                ROUND,
                result.epoch(),
                result.sigma(),
                "00".repeat(32),
                result.lotterySeed(),
                result.assignSeed(),
                result.auditSeed(),
                result.contributors(),
                result.absent());
        final Partial bad = new Partial(
                ROUND,
                "Org2MSP",
                partials.get(0).sigma(),
                partials.get(1).challenge(),
                partials.get(1).response());

        assertThat(ThresholdOutcome.differences(key, Fixture.DOMAIN, ROUND, partials, forged))
                .containsExactly("seed: stored " + "00".repeat(32) + ", recomputed " + result.seed());
        assertThat(ThresholdOutcome.differences(
                        key, Fixture.DOMAIN, ROUND, List.of(partials.get(0), bad, partials.get(2)), result))
                .hasSize(3)
                .first()
                .asString()
                .startsWith("INVALID_ARGUMENT [partials[Org2MSP]]");
    }
}
