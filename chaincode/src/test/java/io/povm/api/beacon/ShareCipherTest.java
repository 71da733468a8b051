// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShareCipherTest {
    private static final BigInteger HOLDER =
            new BigInteger("3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b", 16);
    private static final BigInteger R =
            new BigInteger("5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a", 16);
    private static final Feldman DEALER = Feldman.of(List.of(BigInteger.valueOf(424242), BigInteger.valueOf(99)));

    @Test
    void the_holder_recovers_the_share() {
        final BigInteger share = DEALER.share(2);
        final ShareCipher.Sealed sealed = ShareCipher.seal(share, ShareCipher.publicKey(HOLDER), R);

        assertThat(ShareCipher.open(sealed, HOLDER)).isEqualTo(share);
        assertThat(sealed.ciphertext()).hasSize(64).isNotEqualTo(P256.hex(P256.times(P256.G, share)));
    }

    @Test
    void sealing_is_deterministic_given_r_and_hides_the_share() {
        final String key = ShareCipher.publicKey(HOLDER);

        assertThat(ShareCipher.seal(BigInteger.TEN, key, R)).isEqualTo(ShareCipher.seal(BigInteger.TEN, key, R));
        assertThat(ShareCipher.seal(BigInteger.TEN, key, R).ciphertext())
                .isNotEqualTo(ShareCipher.seal(BigInteger.TEN, key, R.add(BigInteger.ONE))
                        .ciphertext());
    }

    @Test
    void a_wrong_key_does_not_recover_the_share() {
        final BigInteger share = DEALER.share(2);
        final ShareCipher.Sealed sealed = ShareCipher.seal(share, ShareCipher.publicKey(HOLDER), R);
        final BigInteger opened = ShareCipher.open(sealed, HOLDER.add(BigInteger.ONE));

        assertThat(opened).isNotEqualTo(share);
        assertThat(Feldman.verify(opened, 2, DEALER.commitments())).isFalse();
    }

    @Test
    void a_complaint_discloses_the_shared_point_with_a_dleq_proof_and_exposes_a_bad_share() {
        final BigInteger bad = DEALER.share(2).add(BigInteger.ONE);
        final String holderKey = ShareCipher.publicKey(HOLDER);
        final ShareCipher.Sealed sealed = ShareCipher.seal(bad, holderKey, R);
        final String shared = P256.hex(P256.times(P256.point("r", sealed.ephemeral()), HOLDER));
        final byte[] context = "povm/round/7/dealer/Org1MSP/holder/Org2MSP".getBytes(StandardCharsets.UTF_8);

        final Dleq.Proof proof = Dleq.prove(context, HOLDER, sealed.ephemeral(), BigInteger.valueOf(777));

        assertThat(Dleq.verify(context, sealed.ephemeral(), holderKey, shared, proof))
                .isTrue();
        final BigInteger disclosed = ShareCipher.open(sealed, shared);
        assertThat(disclosed).isEqualTo(bad);
        assertThat(Feldman.verify(disclosed, 2, DEALER.commitments())).isFalse();
    }
}
