// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.worker.journal.ReplicaId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusJsonTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void writes_keys_in_a_fixed_order_with_nulls_for_nothing_seen() {
        assertThat(StatusJson.write(WorkerStatus.starting("Org1MSP/w1", 1)))
                .isEqualTo("{\"status\":\"DOWN\",\"worker\":\"Org1MSP/w1\",\"slots\":{\"used\":0,\"total\":1},"
                        + "\"running\":[],\"lastEventBlock\":null,\"lastHeartbeat\":null,\"faultyMode\":\"none\"}");
    }

    @Test
    void reads_back_what_it_writes() {
        final WorkerStatus status = new WorkerStatus(
                DaemonState.DRAINING,
                "Org2MSP/w2",
                3,
                List.of(new RunningReplica(ReplicaId.of("job-a", 2), T0)),
                Optional.of(42L),
                Optional.of(T0.plusSeconds(30)));

        assertThat(StatusJson.read(StatusJson.write(status))).isEqualTo(status);
    }

    @Test
    void refuses_json_that_is_no_status() {
        assertThatThrownBy(() -> StatusJson.read("{\"status\":\"UP\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no worker");
        assertThatThrownBy(() -> StatusJson.read("<html>")).isInstanceOf(IllegalArgumentException.class);
    }
}
