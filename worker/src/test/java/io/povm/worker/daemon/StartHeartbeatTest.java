// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.client.PovmClientException;
import org.junit.jupiter.api.Test;

/**
 * The first heartbeat's failures that let a daemon start anyway: a restarted daemon in BeaconIT died at start because
 * its clock tick lost four MVCC conflicts in a row to the other orgs' ticks; the periodic heartbeat writes it again.
 */
class StartHeartbeatTest {
    @Test
    void a_tick_that_did_not_commit_after_the_clients_retries_does_not_stop_the_start() {
        final PovmClientException conflict = PovmClientException.commitFailed(
                "transaction a5a6 failed to commit: MVCC_READ_CONFLICT", "a5a6", null, null);

        assertThat(FabricWorkerDaemon.isTransientAtStart(conflict)).isTrue();
    }

    @Test
    void a_refusal_of_the_chaincode_still_stops_the_start() {
        final PovmClientException forbidden = PovmClientException.rejected(
                new PovmError(ErrorCode.FORBIDDEN, "caller", "Org3MSP's User2 is not an operator of Org3MSP"), null);

        assertThat(FabricWorkerDaemon.isTransientAtStart(forbidden)).isFalse();
    }

    @Test
    void no_reachable_peer_still_stops_the_start() {
        final PovmClientException down =
                PovmClientException.unavailable("peer 127.0.0.1:7630 is unavailable", null, null);

        assertThat(FabricWorkerDaemon.isTransientAtStart(down)).isFalse();
    }
}
