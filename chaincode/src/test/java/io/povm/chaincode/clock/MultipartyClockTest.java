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
    void a_non_member_cannot_tick() {
        assertThatThrownBy(() -> empty.tick("EvilMSP", AFTER))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void ticking_returns_a_new_clock_and_leaves_the_old_one_unchanged() {
        final MultipartyClock ticked = empty.tick("Org2MSP", AFTER);

        assertThat(empty.latestTicks()).isEmpty();
        assertThat(ticked.latestTicks()).containsEntry("Org2MSP", AFTER);
    }
}
