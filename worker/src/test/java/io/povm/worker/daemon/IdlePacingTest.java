// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.worker.daemon.IdlePacing.Writes;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdlePacingTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration IDLE = Duration.ofSeconds(50);

    /** Asks what is due, then records it as written, as the daemon does each heartbeat. */
    private static Writes beat(final IdlePacing pacing, final Instant at, final boolean busy, final int free) {
        final Writes writes = pacing.due(at, busy, free);
        pacing.written(at, writes, free);
        return writes;
    }

    @Test
    void a_busy_daemon_writes_heartbeat_and_tick_every_time() {
        final IdlePacing pacing = new IdlePacing(IDLE);

        for (int second = 0; second < 30; second += 3) {
            assertThat(beat(pacing, T0.plusSeconds(second), true, 1)).isEqualTo(new Writes(true, true));
        }
    }

    @Test
    void the_first_heartbeat_writes_both_even_when_idle() {
        assertThat(beat(new IdlePacing(IDLE), T0, false, 1)).isEqualTo(new Writes(true, true));
    }

    @Test
    void an_idle_daemon_ticks_once_per_idle_interval_and_heartbeats_once_per_two() {
        final IdlePacing pacing = new IdlePacing(IDLE);
        beat(pacing, T0, false, 1);

        assertThat(beat(pacing, T0.plusSeconds(5), false, 1)).isEqualTo(new Writes(false, false));
        assertThat(beat(pacing, T0.plusSeconds(49), false, 1)).isEqualTo(new Writes(false, false));
        assertThat(beat(pacing, T0.plusSeconds(50), false, 1)).isEqualTo(new Writes(false, true));
        assertThat(beat(pacing, T0.plusSeconds(95), false, 1)).isEqualTo(new Writes(false, false));
        assertThat(beat(pacing, T0.plusSeconds(100), false, 1)).isEqualTo(new Writes(true, true));
    }

    @Test
    void a_change_of_free_slots_is_written_at_once_while_idle() {
        final IdlePacing pacing = new IdlePacing(IDLE);
        beat(pacing, T0, false, 2);

        assertThat(beat(pacing, T0.plusSeconds(5), false, 1)).isEqualTo(new Writes(true, false));
        assertThat(beat(pacing, T0.plusSeconds(10), false, 1)).isEqualTo(new Writes(false, false));
    }

    @Test
    void work_arriving_after_a_quiet_spell_writes_both_at_once() {
        final IdlePacing pacing = new IdlePacing(IDLE);
        beat(pacing, T0, false, 1);
        beat(pacing, T0.plusSeconds(5), false, 1);

        assertThat(beat(pacing, T0.plusSeconds(10), true, 1)).isEqualTo(new Writes(true, true));
    }

    @Test
    void nothing_recorded_as_written_is_due_again_on_the_next_heartbeat() {
        final IdlePacing pacing = new IdlePacing(IDLE);
        beat(pacing, T0, false, 1);
        final Writes due = pacing.due(T0.plusSeconds(50), false, 1);
        // the tick was refused by the ledger, so the daemon does not record it: it is due again

        assertThat(due).isEqualTo(new Writes(false, true));
        assertThat(pacing.due(T0.plusSeconds(55), false, 1)).isEqualTo(new Writes(false, true));
    }

    @Test
    void a_zero_idle_interval_writes_both_every_heartbeat() {
        final IdlePacing pacing = new IdlePacing(Duration.ZERO);
        beat(pacing, T0, false, 1);

        assertThat(beat(pacing, T0.plusSeconds(1), false, 1)).isEqualTo(new Writes(true, true));
    }

    @Test
    void a_negative_idle_interval_is_refused() {
        assertThatThrownBy(() -> new IdlePacing(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idleInterval");
    }

    @Test
    void an_idle_daemon_sweeps_the_job_lists_once_per_idle_interval_and_a_busy_one_every_heartbeat() {
        final IdlePacing pacing = new IdlePacing(IDLE);

        assertThat(pacing.sweepDue(T0, false)).as("the first sweep").isTrue();
        pacing.swept(T0);
        assertThat(pacing.sweepDue(T0.plusSeconds(5), false)).isFalse();
        assertThat(pacing.sweepDue(T0.plusSeconds(5), true)).as("work arrived").isTrue();
        assertThat(pacing.sweepDue(T0.plusSeconds(50), false)).isTrue();
    }

    @Test
    void a_sweep_that_did_not_finish_is_due_again() {
        final IdlePacing pacing = new IdlePacing(IDLE);
        pacing.swept(T0);

        assertThat(pacing.sweepDue(T0.plusSeconds(50), false)).isTrue();
        assertThat(pacing.sweepDue(T0.plusSeconds(55), false))
                .as("not recorded as swept")
                .isTrue();
    }
}
