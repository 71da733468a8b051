// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.beacon.threshold.BeaconDomain;
import io.povm.api.beacon.threshold.KeyComplaints;
import io.povm.api.beacon.threshold.KeyDeal;
import io.povm.api.beacon.threshold.KeyGeneration;
import io.povm.api.beacon.threshold.Partial;
import io.povm.api.beacon.threshold.ThresholdKey;
import io.povm.api.beacon.threshold.ThresholdOutcome;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The threshold beacon's answer to {@link WithholdingTest}: seed_r is a function of x·H(r) alone, so an org that sees
 * the others' partials and withholds its own whenever the seed would not favour it gets the very same seed from the
 * partials of the others. A (Org1MSP) withholds on every loss; its win rate stays 1/3, where plain commit-reveal
 * gives it 5/9 ({@link WithholdingTest#withholding_raises_the_win_rate_under_plain_commit_reveal}).
 */
class ThresholdWithholdingTest {
    private static final int TRIALS = 300;
    private static final BeaconDomain DOMAIN = new BeaconDomain("povm", "povm");
    private static final List<WeightedDraw.Entry> ORGS = List.of(
            new WeightedDraw.Entry("Org1MSP", 1),
            new WeightedDraw.Entry("Org2MSP", 1),
            new WeightedDraw.Entry("Org3MSP", 1));

    private static ThresholdKey key;
    private static final Map<String, BigInteger> SHARES = new LinkedHashMap<>();
    private static SecureRandom random;

    @BeforeAll
    static void keyGeneration() throws NoSuchAlgorithmException {
        random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(20_261_206L);
        final Map<String, BigInteger> beaconPrivate = new LinkedHashMap<>();
        final List<BeaconKey> keys = new ArrayList<>();
        for (final WeightedDraw.Entry org : ORGS) {
            final BigInteger x =
                    BigIntegers.createRandomInRange(BigInteger.ONE, P256.N.subtract(BigInteger.ONE), random);
            beaconPrivate.put(org.id(), x);
            keys.add(new BeaconKey(org.id(), ShareCipher.publicKey(x), null, null));
        }
        KeyGeneration generation = KeyGeneration.open(DOMAIN, 1, keys);
        for (final String dealer : beaconPrivate.keySet()) {
            generation = generation.deal(KeyDeal.create(
                    1, dealer, generation.members(), Feldman.random(generation.threshold(), random), random));
        }
        for (final Map.Entry<String, BigInteger> holder : beaconPrivate.entrySet()) {
            generation = generation.check(KeyComplaints.check(generation, holder.getKey(), holder.getValue(), random));
        }
        key = generation.complete();
        for (final Map.Entry<String, BigInteger> member : beaconPrivate.entrySet()) {
            SHARES.put(member.getKey(), generation.secretShare(member.getKey(), member.getValue()));
        }
    }

    private static String winner(final String lotterySeed) {
        return WeightedDraw.winner(HexFormat.of().parseHex(lotterySeed), ORGS);
    }

    private static Partial partial(final long round, final String msp) {
        return Partial.create(DOMAIN, round, msp, SHARES.get(msp), random);
    }

    @Test
    void an_org_that_withholds_its_partial_cannot_change_the_seed_and_gains_nothing() {
        long wins = 0;
        long withheld = 0;
        for (long round = 1; round <= TRIALS; round++) {
            final Partial a = partial(round, "Org1MSP");
            final Partial b = partial(round, "Org2MSP");
            final Partial c = partial(round, "Org3MSP");
            final String full = ThresholdOutcome.compute(key, DOMAIN, round, List.of(a, b, c))
                    .lotterySeed();
            String outcome = full;
            if (!"Org1MSP".equals(winner(full))) {
                withheld++;
                outcome = ThresholdOutcome.compute(key, DOMAIN, round, List.of(b, c))
                        .lotterySeed();
                assertThat(outcome).as("round %d without A's partial", round).isEqualTo(full);
            }
            if ("Org1MSP".equals(winner(outcome))) {
                wins++;
            }
        }

        assertThat(withheld).isGreaterThan(TRIALS / 2);
        assertThat(Statistics.binomialZ(wins, TRIALS, 1.0 / 3)).isLessThan(Statistics.Z_ALPHA_0_001);
    }

    @Test
    void any_two_of_three_give_the_seed_of_all_three_so_no_pair_can_choose_between_outcomes() {
        for (long round = 1; round <= 20; round++) {
            final List<Partial> all =
                    List.of(partial(round, "Org1MSP"), partial(round, "Org2MSP"), partial(round, "Org3MSP"));
            final String seed =
                    ThresholdOutcome.compute(key, DOMAIN, round, all).seed();
            for (int left = 0; left < 3; left++) {
                final List<Partial> pair = new ArrayList<>(all);
                pair.remove(left);
                assertThat(ThresholdOutcome.compute(key, DOMAIN, round, pair).seed())
                        .isEqualTo(seed);
            }
        }
    }
}
