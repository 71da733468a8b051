// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Dispute;
import java.util.List;
import org.junit.jupiter.api.Test;

class BisectionTest {
    @Test
    void equal_lists_do_not_diverge() {
        assertThat(Bisection.firstDivergence(List.of("a", "b", "c"), List.of("a", "b", "c")))
                .isEmpty();
    }

    @Test
    void finds_the_first_index_where_the_runs_differ() {
        final List<String> verdict = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        final List<String> rerun = List.of("a", "b", "c", "d", "e", "F", "G", "H", "I", "J");

        assertThat(Bisection.firstDivergence(verdict, rerun)).contains(new Dispute.Divergence(5, "f", "F"));
    }

    @Test
    void a_run_that_stopped_early_diverges_where_it_ends() {
        assertThat(Bisection.firstDivergence(List.of("a", "b"), List.of("a", "b", "c")))
                .contains(new Dispute.Divergence(2, null, "c"));
    }

    @Test
    void runs_that_differ_from_the_start_diverge_at_zero() {
        assertThat(Bisection.firstDivergence(List.of("x", "y"), List.of("a", "b")))
                .contains(new Dispute.Divergence(0, "x", "a"));
    }
}
