// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.ErrorCode;
import io.povm.api.PovmException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultipartyClockTest {
    private static final Set<String> THREE = Set.of("Org1MSP", "Org2MSP", "Org3MSP");
    private static final Instant DEADLINE = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant BEFORE = DEADLINE.minusSeconds(1);
    private static final Instant AFTER = DEADLINE.plusSeconds(1);

    private final MultipartyClock empty = new MultipartyClock(THREE, Map.of());

    @Test
    void the_threshold_is_a_majority_of_member_orgs() {
        assertThat(empty.threshold()).isEqualTo(2);
        assertThat(new MultipartyClock(Set.of("A", "B", "C", "D"), Map.of()).threshold())
                .isEqualTo(3);
    }

    @Test
    void one_org_forward_dating_its_clock_cannot_pass_a_deadline() {
        final MultipartyClock clock = empty.tick("Org2MSP", AFTER.plusSeconds(86_400));

        assertThat(clock.hasPassed(DEADLINE, "Org1MSP")).isFalse();
    }

    @Test
    void a_deadline_passes_when_a_majority_of_other_orgs_ticked_after_it() {
        final MultipartyClock clock = empty.tick("Org2MSP", AFTER).tick("Org3MSP", AFTER);

        assertThat(clock.hasPassed(DEADLINE, "Org1MSP")).isTrue();
    }

    @Test
    void the_affected_orgs_own_ticks_never_count() {
        final MultipartyClock clock = empty.tick("Org1MSP", AFTER).tick("Org2MSP", AFTER);

        assertThat(clock.hasPassed(DEADLINE, "Org1MSP")).isFalse();
        assertThat(clock.hasPassed(DEADLINE, "Org3MSP")).isTrue();
    }

    @Test
    void ticks_at_or_before_the_deadline_do_not_count() {
        final MultipartyClock clock = empty.tick("Org2MSP", DEADLINE).tick("Org3MSP", BEFORE);

        assertThat(clock.hasPassed(DEADLINE, "Org1MSP")).isFalse();
        assertThat(clock.explainNotPassed(DEADLINE, "Org1MSP"))
                .isEqualTo("deadline 2026-11-20T12:00:00Z has passed on 0 of the 2 member org clocks needed"
                        + " (other than Org1MSP): none yet");
    }

    @Test
    void an_org_clock_never_goes_backwards() {
        final MultipartyClock clock = empty.tick("Org2MSP", AFTER);

        assertThatThrownBy(() -> clock.tick("Org2MSP", AFTER)).isInstanceOfSatisfying(PovmException.class, e -> {
            assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.error().field()).isEqualTo("timestamp");
        });
        assertThatThrownBy(() -> clock.tick("Org2MSP", BEFORE)).isInstanceOf(PovmException.class);
    }

    @Test
    void a_tick_more_than_a_minute_ahead_of_the_freshest_other_org_is_refused() {
        final MultipartyClock clock = empty.tick("Org1MSP", DEADLINE).tick("Org3MSP", DEADLINE.plusSeconds(10));

        assertThatThrownBy(() -> clock.tick("Org2MSP", DEADLINE.plusSeconds(3_600)))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.error().field()).isEqualTo("timestamp");
                    assertThat(e.error().reason()).contains("runs 3590 s ahead", "at most 60 s", "clock:Resume");
                });
        assertThat(clock.tick("Org2MSP", DEADLINE.plusSeconds(70)).latestTicks())
                .containsEntry("Org2MSP", DEADLINE.plusSeconds(70));
    }

    @Test
    void the_first_tick_of_a_new_network_has_no_bound_but_counts_only_a_minute_past_the_next_orgs_tick() {
        final MultipartyClock far = empty.tick("Org2MSP", DEADLINE.plusSeconds(86_400));
        assertThat(far.latestTicks()).containsEntry("Org2MSP", DEADLINE.plusSeconds(86_400));

        final MultipartyClock joined = far.tick("Org1MSP", BEFORE);

        assertThat(joined.latestTicks()).containsEntry("Org2MSP", BEFORE.plus(MultipartyClock.MAX_LEAD));
        assertThat(joined.claims()).containsEntry("Org2MSP", DEADLINE.plusSeconds(86_400));
        assertThat(joined.hasPassed(DEADLINE.plusSeconds(3_600), "Org3MSP")).isFalse();
    }

    @Test
    void after_a_stall_of_the_whole_network_a_resume_is_held_until_another_org_ticks_near_it() {
        final Instant later = DEADLINE.plusSeconds(7_200);
        final MultipartyClock stalled =
                empty.tick("Org1MSP", BEFORE).tick("Org2MSP", BEFORE).tick("Org3MSP", BEFORE);
        assertThatThrownBy(() -> stalled.tick("Org1MSP", later)).isInstanceOf(PovmException.class);

        final MultipartyClock resumed = stalled.resume("Org1MSP", later);
        assertThat(resumed.latestTicks()).containsEntry("Org1MSP", BEFORE.plus(MultipartyClock.MAX_LEAD));

        final MultipartyClock confirmed = resumed.tick("Org2MSP", later.plusSeconds(1));
        assertThat(confirmed.latestTicks())
                .containsEntry("Org1MSP", later)
                .containsEntry("Org2MSP", later.plusSeconds(1));
        assertThat(confirmed.hasPassed(DEADLINE, "Org3MSP")).isTrue();
    }

    @Test
    void a_resume_is_refused_while_a_plain_tick_would_be_accepted() {
        final MultipartyClock clock = empty.tick("Org1MSP", BEFORE);

        assertThatThrownBy(() -> clock.resume("Org2MSP", AFTER)).isInstanceOfSatisfying(PovmException.class, e -> {
            assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(e.error().field()).isEqualTo("timestamp");
        });
        assertThatThrownBy(() -> empty.resume("Org2MSP", AFTER)).isInstanceOf(PovmException.class);
    }

    @Test
    void an_org_whose_claim_ran_ahead_is_not_locked_out_of_its_own_clock() {
        final MultipartyClock clock = empty.tick("Org1MSP", BEFORE).tick("Org3MSP", BEFORE);
        final MultipartyClock ahead = clock.resume("Org2MSP", DEADLINE.plusSeconds(86_400));

        final MultipartyClock honest = ahead.tick("Org2MSP", BEFORE.plusSeconds(30));

        assertThat(honest.claims()).containsEntry("Org2MSP", BEFORE.plusSeconds(30));
        assertThatThrownBy(() -> honest.tick("Org2MSP", BEFORE.plusSeconds(30))).isInstanceOf(PovmException.class);
    }

    @Test
    void the_majority_time_is_the_latest_time_a_majority_of_orgs_reached() {
        assertThat(empty.tick("Org1MSP", AFTER).majorityTime()).isEmpty();

        final MultipartyClock clock =
                empty.tick("Org1MSP", BEFORE).tick("Org2MSP", DEADLINE).tick("Org3MSP", AFTER);

        assertThat(clock.majorityTime()).contains(DEADLINE);
    }

    @Test
    void ticking_returns_a_new_clock_and_leaves_the_old_one_unchanged() {
        final MultipartyClock ticked = empty.tick("Org2MSP", AFTER);

        assertThat(empty.latestTicks()).isEmpty();
        assertThat(ticked.latestTicks()).containsEntry("Org2MSP", AFTER);
    }
}
