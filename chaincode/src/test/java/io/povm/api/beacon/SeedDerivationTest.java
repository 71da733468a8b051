// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.PovmException;
import io.povm.api.Sha256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden vectors from an independent Python implementation of the encoding in the class javadoc. */
class SeedDerivationTest {
    static final byte[] PREVIOUS = Sha256.hash("prev".getBytes(StandardCharsets.UTF_8));
    static final byte[] SNAPSHOT = Sha256.hash("snapshot".getBytes(StandardCharsets.UTF_8));
    static final Map<String, BigInteger> SECRETS =
            Map.of("Org2MSP", BigInteger.TWO, "Org1MSP", BigInteger.ONE, "Org3MSP", BigInteger.valueOf(3));

    static byte[] seed() {
        return SeedDerivation.seed("povm", "povm", 7, PREVIOUS, SNAPSHOT, SECRETS);
    }

    @Test
    void the_seed_matches_the_golden_vector() {
        assertThat(Sha256.hex(seed())).isEqualTo("d583945e3af607af9b08f89898c8d88acdfce966d260f2faab2adeca49eea3ee");
    }

    @Test
    void the_sub_seeds_match_the_golden_vectors() {
        assertThat(Sha256.hex(SeedDerivation.subSeed(seed(), SeedDerivation.Purpose.LOTTERY)))
                .isEqualTo("5b4e4a53abf2cdecde756afbd0d7af9fa2eba0f68611c3667e3e45bf21853fd0");
        assertThat(Sha256.hex(SeedDerivation.subSeed(seed(), SeedDerivation.Purpose.ASSIGN)))
                .isEqualTo("b2c32e5414559ae7e7cdfe960cddf6f4101ad972cf05b74bffaa9a2afa2ec69f");
        assertThat(Sha256.hex(SeedDerivation.subSeed(seed(), SeedDerivation.Purpose.AUDIT)))
                .isEqualTo("faf491e52325fbcbd4bc4f36e04cbde40fa61876398bb3e45533d2084b4d9fac");
    }

    @Test
    void moving_the_boundary_between_channel_and_chaincode_changes_the_seed() {
        final Map<String, BigInteger> one = Map.of("Org1MSP", BigInteger.ONE);

        assertThat(Sha256.hex(SeedDerivation.seed("povmp", "ovm", 7, PREVIOUS, SNAPSHOT, one)))
                .isEqualTo("5cac40747c6437ef1cc9614b09ea3d20a7ef9ad64cd4fab087f56d4b545131d6");
        assertThat(Sha256.hex(SeedDerivation.seed("povm", "povm", 7, PREVIOUS, SNAPSHOT, one)))
                .isEqualTo("9b7bf4c0c0861c924e772fd441de652b04ec78f272296b6f2ee86e64462ea421");
    }

    @Test
    void the_round_number_and_every_secret_change_the_seed() {
        assertThat(SeedDerivation.seed("povm", "povm", 8, PREVIOUS, SNAPSHOT, SECRETS))
                .isNotEqualTo(seed());
        assertThat(SeedDerivation.seed(
                        "povm",
                        "povm",
                        7,
                        PREVIOUS,
                        SNAPSHOT,
                        Map.of("Org2MSP", BigInteger.TWO, "Org1MSP", BigInteger.ONE, "Org3MSP", BigInteger.TEN)))
                .isNotEqualTo(seed());
    }

    @Test
    void malformed_inputs_are_refused_by_field() {
        assertThatThrownBy(() -> SeedDerivation.seed("povm", "povm", 7, new byte[31], SNAPSHOT, SECRETS))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("previousSeed");
        assertThatThrownBy(() -> SeedDerivation.seed("povm", "povm", 7, PREVIOUS, SNAPSHOT, Map.of()))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("secrets");
        assertThatThrownBy(() -> SeedDerivation.seed("povm", "povm", 7, PREVIOUS, SNAPSHOT, Map.of("Org1MSP", P256.N)))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("secrets[Org1MSP]");
    }
}
