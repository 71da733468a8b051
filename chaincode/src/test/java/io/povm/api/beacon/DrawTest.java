// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.PovmException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Golden vectors from the same independent Python implementation as {@link SeedDerivationTest}. */
class DrawTest {
    private static final byte[] LOTTERY =
            SeedDerivation.subSeed(SeedDerivationTest.seed(), SeedDerivation.Purpose.LOTTERY);
    private static final byte[] AUDIT = SeedDerivation.subSeed(SeedDerivationTest.seed(), SeedDerivation.Purpose.AUDIT);

    @Test
    void uniform_draws_match_the_golden_vectors() {
        assertThat(UniformDraw.draw(LOTTERY, 1)).isZero();
        assertThat(UniformDraw.draw(LOTTERY, 3)).isZero();
        assertThat(UniformDraw.draw(LOTTERY, 10)).isEqualTo(4);
        assertThat(UniformDraw.draw(LOTTERY, 1_000_003)).isEqualTo(37_457);
        assertThat(UniformDraw.draw(LOTTERY, (1L << 62) + 1)).isEqualTo(2_727_920_083_340_705_389L);
    }

    @Test
    void the_weighted_winner_matches_the_golden_vector_whatever_the_input_order() {
        final List<WeightedDraw.Entry> entries = List.of(
                new WeightedDraw.Entry("worker-c", 5),
                new WeightedDraw.Entry("worker-a", 3),
                new WeightedDraw.Entry("worker-z", 0),
                new WeightedDraw.Entry("worker-b", 2));

        assertThat(WeightedDraw.winner(LOTTERY, entries)).isEqualTo("worker-b");
        assertThat(WeightedDraw.winner(
                        LOTTERY, List.of(entries.get(3), entries.get(2), entries.get(1), entries.get(0))))
                .isEqualTo("worker-b");
    }

    @Test
    void the_winner_is_the_first_entry_whose_cumulative_weight_exceeds_x() {
        final List<WeightedDraw.Entry> sorted =
                WeightedDraw.eligible(List.of(new WeightedDraw.Entry("b", 2), new WeightedDraw.Entry("a", 3)));

        assertThat(IntStream.range(0, 5).mapToObj(x -> WeightedDraw.at(sorted, x)))
                .containsExactly("a", "a", "a", "b", "b");
    }

    @Test
    void bad_entries_are_refused() {
        assertThatThrownBy(() -> WeightedDraw.winner(LOTTERY, List.of(new WeightedDraw.Entry("a", 0))))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("no entry has a positive weight");
        assertThatThrownBy(() -> WeightedDraw.winner(
                        LOTTERY, List.of(new WeightedDraw.Entry("a", 1), new WeightedDraw.Entry("a", 2))))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> WeightedDraw.winner(
                        LOTTERY, List.of(new WeightedDraw.Entry("a", Long.MAX_VALUE), new WeightedDraw.Entry("b", 1))))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("total weight exceeds");
    }

    @Test
    void audit_selection_matches_the_golden_vectors() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(i -> Audit.selected(AUDIT, "job-" + i, 1, 2)))
                .containsExactly(true, true, false, true, false, false, true, true);
    }

    @Test
    void audit_probability_0_never_and_1_always_selects() {
        assertThat(Audit.selected(AUDIT, "job-1", 0, 5)).isFalse();
        assertThat(Audit.selected(AUDIT, "job-3", 5, 5)).isTrue();
        assertThatThrownBy(() -> Audit.selected(AUDIT, "job-1", 3, 2))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("probability");
    }
}
