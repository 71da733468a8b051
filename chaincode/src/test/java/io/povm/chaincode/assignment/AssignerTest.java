// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AssignerTest {
    private static final List<Candidate> THREE_ORGS = List.of(
            new Candidate("w1", "Org1MSP"),
            new Candidate("w2", "Org1MSP"),
            new Candidate("w3", "Org2MSP"),
            new Candidate("w4", "Org3MSP"),
            new Candidate("w5", "Org3MSP"));

    @Test
    void three_replicas_go_to_three_distinct_orgs() {
        final Assignment assignment = Assigner.assign(THREE_ORGS, 3, Set.of(), SeededDrawTest.seed(1));

        assertThat(assignment.workers()).hasSize(3);
        assertThat(assignment.workers().stream().map(Candidate::msp))
                .containsExactlyInAnyOrder("Org1MSP", "Org2MSP", "Org3MSP");
        assertThat(assignment.shortfall()).isEmpty();
    }

    @Test
    void the_same_seed_gives_the_same_assignment_whatever_order_the_candidates_come_in() {
        final List<Candidate> shuffled = new ArrayList<>(THREE_ORGS);
        Collections.reverse(shuffled);
        for (long s = 0; s < 50; s++) {
            assertThat(Assigner.assign(shuffled, 2, Set.of(), SeededDrawTest.seed(s)))
                    .isEqualTo(Assigner.assign(THREE_ORGS, 2, Set.of(), SeededDrawTest.seed(s)));
        }
    }

    @Test
    void fewer_orgs_than_replicas_assigns_one_per_org_and_says_why() {
        final List<Candidate> twoOrgs = THREE_ORGS.subList(0, 3);

        final Assignment assignment = Assigner.assign(twoOrgs, 3, Set.of(), SeededDrawTest.seed(2));

        assertThat(assignment.workers()).extracting(Candidate::msp).containsExactlyInAnyOrder("Org1MSP", "Org2MSP");
        assertThat(assignment.shortfall())
                .hasValue("only 2 of 3 replicas assigned: replicas need workers of distinct orgs and 2 org(s) have"
                        + " an eligible worker (Org1MSP, Org2MSP)");
    }

    @Test
    void an_excluded_org_is_never_drawn() {
        for (long s = 0; s < 200; s++) {
            final Assignment assignment = Assigner.assign(THREE_ORGS, 1, Set.of("Org1MSP"), SeededDrawTest.seed(s));
            assertThat(assignment.workers()).extracting(Candidate::msp).doesNotContain("Org1MSP");
        }
    }

    @Test
    void no_eligible_worker_assigns_nobody_and_names_the_excluded_orgs() {
        final Assignment assignment =
                Assigner.assign(THREE_ORGS.subList(0, 2), 1, Set.of("Org1MSP"), SeededDrawTest.seed(3));

        assertThat(assignment.workers()).isEmpty();
        assertThat(assignment.shortfall())
                .hasValue("only 0 of 1 replicas assigned: replicas need workers of distinct orgs and 0 org(s) have"
                        + " an eligible worker (none); excluded orgs: Org1MSP");
    }

    @Test
    void a_single_replica_lands_on_each_org_about_equally_often() {
        final Map<String, Long> counts = new HashMap<>();
        final int n = 30_000;
        for (long s = 0; s < n; s++) {
            final Candidate picked = Assigner.assign(THREE_ORGS, 1, Set.of(), SeededDrawTest.seed(s))
                    .workers()
                    .get(0);
            counts.merge(picked.msp(), 1L, Long::sum);
        }
        final long[] observed =
                counts.values().stream().mapToLong(Long::longValue).toArray();
        // chi-square, 2 degrees of freedom, alpha = 0.001
        assertThat(observed).hasSize(3);
        assertThat(SeededDrawTest.chiSquare(observed, n)).isLessThan(13.816);
    }

    @Test
    void every_worker_of_an_org_can_be_drawn() {
        final Set<String> drawn = new java.util.TreeSet<>();
        for (long s = 0; s < 100; s++) {
            drawn.addAll(Assigner.assign(THREE_ORGS, 3, Set.of(), SeededDrawTest.seed(s)).workers().stream()
                    .map(Candidate::workerKey)
                    .collect(Collectors.toList()));
        }
        assertThat(drawn).containsExactly("w1", "w2", "w3", "w4", "w5");
    }

    @Test
    void rejects_zero_replicas() {
        assertThatThrownBy(() -> Assigner.assign(THREE_ORGS, 0, Set.of(), SeededDrawTest.seed(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
