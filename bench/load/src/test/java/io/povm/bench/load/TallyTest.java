// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TallyTest {
    @Test
    void closing_counts_what_has_no_outcome_as_unfinished_and_ignores_later_outcomes() {
        final Tally tally = new Tally();
        tally.add(new Outcome(Outcome.VALID, 5));

        tally.close(3);
        tally.add(new Outcome(Outcome.VALID, 7));

        assertThat(tally.counts()).containsEntry("VALID", 1L).containsEntry("UNFINISHED", 2L);
        assertThat(tally.total()).isEqualTo(3);
        assertThat(tally.validLatencies()).containsExactly(5L);
    }
}
