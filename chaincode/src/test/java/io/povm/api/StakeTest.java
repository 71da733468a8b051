// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** CloudPoS stake = gamma * (R - R_used) per resource, integer weights 256 / 32 / 1, summed. */
class StakeTest {

    @Test
    void weighs_what_is_not_reserved_with_the_documented_gammas() {
        final Stake stake = Stake.of(Workers.TOTAL, Workers.RESERVED);

        assertThat(stake.cpu()).isEqualTo(256L * (4000 - 1000));
        assertThat(stake.memory()).isEqualTo(32L * (8192 - 2048));
        assertThat(stake.disk()).isEqualTo(40960 - 10240);
        assertThat(stake.total()).isEqualTo(995_328L);
    }

    @Test
    void is_zero_when_everything_is_reserved() {
        assertThat(Stake.of(Workers.TOTAL, Workers.TOTAL).total()).isZero();
    }

    @Test
    void one_core_weighs_as_much_as_8000_mib_of_memory_or_256000_mib_of_disk() {
        final Resources nothing = new Resources(0, 0, 0);

        assertThat(Stake.of(new Resources(1000, 0, 0), nothing).total())
                .isEqualTo(Stake.of(new Resources(0, 8000, 0), nothing).total())
                .isEqualTo(Stake.of(new Resources(0, 0, 256_000), nothing).total());
    }

    @Test
    void fits_a_long_at_the_largest_accepted_offer() {
        final Resources largest = new Resources(
                WorkerValidator.MAX_CPU_MILLIS, WorkerValidator.MAX_MEMORY_MIB, WorkerValidator.MAX_DISK_MIB);

        assertThat(Stake.of(largest, new Resources(0, 0, 0)).total())
                .isEqualTo(256_000_000L + 2_147_483_648L + 1_073_741_824L);
    }

    @Test
    void fails_loudly_instead_of_overflowing() {
        assertThatThrownBy(() -> Stake.of(new Resources(Long.MAX_VALUE, 0, 0), new Resources(0, 0, 0)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void reads_back_from_its_json_and_refuses_a_wrong_total() {
        final String json = PovmJson.write(Stake.of(Workers.TOTAL, Workers.RESERVED));

        assertThat(json).isEqualTo("{\"cpu\":768000,\"memory\":196608,\"disk\":30720,\"total\":995328}");
        assertThat(PovmJson.read(json, Stake.class)).isEqualTo(Stake.of(Workers.TOTAL, Workers.RESERVED));
        assertThatThrownBy(() -> PovmJson.read(json.replace("995328", "1"), Stake.class))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().field()).isEqualTo("stake.total"));
    }
}
