// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultyPlanTest {
    private static final FaultyPlan PLAN = FaultyPlan.random(42, 0.8);

    @Test
    void a_fixed_mode_applies_to_every_replica() {
        final FaultyPlan plan = FaultyPlan.always(FaultyMode.COPY);

        assertThat(IntStream.range(0, 3).mapToObj(i -> plan.modeFor("job-" + i, i, 3)))
                .containsOnly(FaultyMode.COPY);
    }

    @Test
    void a_random_plan_spoils_at_most_one_replica_of_each_job() {
        for (int job = 0; job < 500; job++) {
            final String id = "job-" + job;
            assertThat(IntStream.range(0, 3)
                            .filter(i -> PLAN.modeFor(id, i, 3) != FaultyMode.NONE)
                            .count())
                    .as(id)
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void a_random_plan_draws_the_same_modes_from_the_same_seed_and_other_modes_from_another() {
        final FaultyPlan again = FaultyPlan.of("random:42:0.8").orElseThrow();
        final FaultyPlan other = FaultyPlan.random(43, 0.8);
        boolean differs = false;
        for (int job = 0; job < 50; job++) {
            for (int i = 0; i < 3; i++) {
                assertThat(again.modeFor("job-" + job, i, 3)).isEqualTo(PLAN.modeFor("job-" + job, i, 3));
                differs |= other.modeFor("job-" + job, i, 3) != PLAN.modeFor("job-" + job, i, 3);
            }
        }
        assertThat(differs).isTrue();
    }

    @Test
    void a_random_plan_spoils_about_the_given_share_of_jobs_with_every_faulty_mode() {
        final Map<FaultyMode, Integer> drawn = new EnumMap<>(FaultyMode.class);
        final int jobs = 2000;
        for (int job = 0; job < jobs; job++) {
            for (int i = 0; i < 3; i++) {
                drawn.merge(PLAN.modeFor("job-" + job, i, 3), 1, Integer::sum);
            }
        }
        final int faulty = 3 * jobs - drawn.get(FaultyMode.NONE);

        assertThat(faulty).isBetween((int) (jobs * 0.75), (int) (jobs * 0.85));
        assertThat(drawn.keySet()).containsAll(FaultyPlan.FAULTY);
    }

    @Test
    void a_random_plan_with_probability_zero_is_honest_throughout() {
        final FaultyPlan none = FaultyPlan.random(7, 0);

        assertThat(IntStream.range(0, 300).mapToObj(j -> none.modeFor("job-" + j, j % 3, 3)))
                .containsOnly(FaultyMode.NONE);
    }

    @Test
    void the_configuration_names_a_fixed_mode_or_a_random_plan_and_nothing_else() {
        assertThat(FaultyPlan.of("wrong-answer")).contains(FaultyPlan.always(FaultyMode.WRONG_ANSWER));
        assertThat(FaultyPlan.of("random:42:0.8").map(FaultyPlan::configName)).contains("random:42:0.8");
        assertThat(FaultyPlan.of("random:42")).isEmpty();
        assertThat(FaultyPlan.of("random:x:0.5")).isEmpty();
        assertThat(FaultyPlan.of("random:42:1.5")).isEmpty();
        assertThat(FaultyPlan.of("lazy")).isEmpty();
        assertThat(FaultyPlan.always(FaultyMode.NONE).honest()).isTrue();
        assertThat(PLAN.honest()).isFalse();
    }
}
