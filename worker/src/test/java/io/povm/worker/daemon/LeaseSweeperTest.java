// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaseSweeperTest {
    private static final Instant DUE = Instant.parse("2026-11-21T10:00:00Z");

    private static Replica replica(final ReplicaState state) {
        return new Replica(
                0,
                "Org2MSP/w",
                "Org2MSP",
                state,
                Optional.of("2026-11-21T10:00:00.000Z"),
                Optional.of("2026-11-21T10:10:00.000Z"),
                Optional.empty());
    }

    @Test
    void an_assigned_replica_is_overdue_only_after_its_start_deadline_and_the_grace() {
        final Replica assigned = replica(ReplicaState.ASSIGNED);

        assertThat(LeaseSweeper.overdue(assigned, DUE.plus(LeaseSweeper.GRACE))).isFalse();
        assertThat(LeaseSweeper.overdue(assigned, DUE.plus(LeaseSweeper.GRACE).plusMillis(1)))
                .isTrue();
    }

    @Test
    void a_running_replica_is_judged_by_its_finish_deadline() {
        final Replica running = replica(ReplicaState.RUNNING);

        assertThat(LeaseSweeper.overdue(running, DUE.plusSeconds(60))).isFalse();
        assertThat(LeaseSweeper.overdue(running, DUE.plusSeconds(603))).isTrue();
    }

    @Test
    void a_reported_or_expired_replica_is_never_overdue() {
        assertThat(LeaseSweeper.overdue(replica(ReplicaState.RESULT_COMMITTED), DUE.plusSeconds(9999)))
                .isFalse();
        assertThat(LeaseSweeper.overdue(replica(ReplicaState.LEASE_EXPIRED), DUE.plusSeconds(9999)))
                .isFalse();
    }
}
