// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.client.PovmGateway;
import io.povm.client.profile.ConnectionProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The failover of the connection the daemon's threads share (found by the reliability suite's peer-kill). */
class PeerConnectionsTest {
    private final List<PovmGateway> opened = new ArrayList<>();
    private final PeerConnections peers =
            new PeerConnections(List.of(profile("127.0.0.1:7110"), profile("127.0.0.1:7120")), this::open);

    private static ConnectionProfile profile(final String endpoint) {
        final Path any = Path.of("unused");
        return ConnectionProfile.of(any, "Org1MSP", endpoint, "peer0", any, any, any, "povm", "povm");
    }

    private PovmGateway open(final ConnectionProfile profile) {
        final PovmGateway gateway = mock(PovmGateway.class);
        when(gateway.profile()).thenReturn(profile);
        opened.add(gateway);
        return gateway;
    }

    @Test
    void a_failover_from_the_current_connection_closes_it_and_opens_the_next_peer() {
        final PovmGateway first = peers.current();

        final PovmGateway next = peers.failover(first);

        verify(first).close();
        assertThat(next.profile().peerEndpoint()).isEqualTo("127.0.0.1:7120");
        assertThat(peers.current()).isSameAs(next);
    }

    @Test
    void a_second_thread_failing_over_from_the_same_connection_gets_the_replacement_without_closing_it() {
        final PovmGateway first = peers.current();
        final PovmGateway replacement = peers.failover(first);

        final PovmGateway got = peers.failover(first);

        assertThat(got).isSameAs(replacement);
        verify(replacement, never()).close();
        assertThat(opened).hasSize(2);
        assertThat(peers.endpoint()).isEqualTo("127.0.0.1:7120");
    }

    @Test
    void a_failover_from_the_replacement_goes_round_to_the_first_peer_again() {
        final PovmGateway replacement = peers.failover(peers.current());

        final PovmGateway back = peers.failover(replacement);

        verify(replacement).close();
        assertThat(back.profile().peerEndpoint()).isEqualTo("127.0.0.1:7110");
    }
}
