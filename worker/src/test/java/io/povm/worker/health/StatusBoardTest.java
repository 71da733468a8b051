// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.worker.journal.ReplicaId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusBoardTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final StatusBoard board =
            new StatusBoard(WorkerStatus.starting("Org1MSP/w1", 2), Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void starts_down_with_nothing_running() {
        final WorkerStatus s = board.snapshot();

        assertThat(s.state()).isEqualTo(DaemonState.DOWN);
        assertThat(s.slotsUsed()).isZero();
        assertThat(s.slotsTotal()).isEqualTo(2);
        assertThat(s.lastEventBlock()).isEmpty();
        assertThat(s.lastHeartbeat()).isEmpty();
    }

    @Test
    void tracks_running_replicas_and_their_start() {
        board.replicaStarted(ReplicaId.of("job-a", 0));
        board.replicaStarted(ReplicaId.of("job-b", 1));
        board.replicaFinished(ReplicaId.of("job-a", 0));

        assertThat(board.snapshot().running()).containsExactly(new RunningReplica(ReplicaId.of("job-b", 1), T0));
        assertThat(board.snapshot().slotsUsed()).isEqualTo(1);
    }

    @Test
    void last_event_block_only_moves_forward() {
        board.eventSeen(10);
        board.eventSeen(7);

        assertThat(board.snapshot().lastEventBlock()).contains(10L);
    }

    @Test
    void earlier_snapshots_do_not_change() {
        final WorkerStatus before = board.snapshot();
        board.state(DaemonState.UP);
        board.heartbeat();

        assertThat(before.state()).isEqualTo(DaemonState.DOWN);
        assertThat(board.snapshot().state()).isEqualTo(DaemonState.UP);
        assertThat(board.snapshot().lastHeartbeat()).contains(T0);
    }
}
