// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import io.povm.api.beacon.BeaconKey;
import io.povm.api.beacon.Feldman;
import io.povm.api.beacon.P256;
import io.povm.api.beacon.ShareCipher;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** n orgs Org1MSP..OrgnMSP with beacon keys, and helpers to run a key generation among them; seeded, reproducible. */
final class Fixture {
    static final BeaconDomain DOMAIN = new BeaconDomain("povm", "povm");
    static final long EPOCH = 1;

    final SecureRandom random;
    final Map<String, BigInteger> beaconPrivate = new LinkedHashMap<>();
    final Map<String, Feldman> polynomials = new LinkedHashMap<>();
    KeyGeneration generation;

    Fixture(final int n, final long seed) {
        random = seeded(seed);
        final List<BeaconKey> keys = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            final BigInteger key = scalar();
            beaconPrivate.put(msp(i), key);
            keys.add(new BeaconKey(msp(i), ShareCipher.publicKey(key), null, null));
        }
        generation = KeyGeneration.open(DOMAIN, EPOCH, keys);
    }

    static String msp(final int i) {
        return "Org" + i + "MSP";
    }

    static SecureRandom seeded(final long seed) {
        try {
            final SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    BigInteger scalar() {
        return BigIntegers.createRandomInRange(BigInteger.ONE, P256.N.subtract(BigInteger.ONE), random);
    }

    /** The deal {@code dealer} would post with a fresh polynomial (kept, so tests know x). */
    KeyDeal dealOf(final String dealer) {
        final Feldman polynomial = Feldman.random(generation.threshold(), random);
        polynomials.put(dealer, polynomial);
        return KeyDeal.create(EPOCH, dealer, generation.members(), polynomial, random);
    }

    Fixture deal(final String dealer) {
        generation = generation.deal(dealOf(dealer));
        return this;
    }

    Fixture dealAll() {
        generation.members().forEach(m -> deal(m.msp()));
        return this;
    }

    Fixture checkAll() {
        generation
                .members()
                .forEach(m -> generation =
                        generation.check(KeyComplaints.check(generation, m.msp(), beaconPrivate.get(m.msp()), random)));
        return this;
    }

    /** x = Σ f_j(0) over the given dealers, which only a test that holds every polynomial can know. */
    BigInteger secretOf(final List<String> dealers) {
        return dealers.stream().map(d -> polynomials.get(d).secret()).reduce(BigInteger.ZERO, (a, b) -> a.add(b)
                .mod(P256.N));
    }

    Partial partial(final long round, final String msp) {
        return Partial.create(DOMAIN, round, msp, generation.secretShare(msp, beaconPrivate.get(msp)), random);
    }

    static ECPoint times(final ECPoint point, final BigInteger scalar) {
        return P256.times(point, scalar);
    }
}
