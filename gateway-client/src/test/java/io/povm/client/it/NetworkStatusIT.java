// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code network.sh status} shows every node of the network and the chaincode committed on the channel. */
class NetworkStatusIT {
    private static final List<String> NODES = List.of(
            "orderer1", "orderer2", "orderer3", "org1-peer", "org2-peer", "org3-peer", "org1-cc", "org2-cc", "org3-cc");

    @Test
    void status_lists_three_orderers_three_peers_three_chaincode_servers_and_the_committed_chaincode() {
        final String status = NetworkScript.run("status");

        for (String node : NODES) {
            assertThat(status).containsPattern("(?m)^" + node + "\\s+\\d+\\s+\\d+\\s+running$");
        }
        assertThat(status)
                .containsPattern("(?m)^orderer[123] channel povm: active, consenter, height \\d+, raft leader$")
                .containsPattern("(?m)^chaincode povm: Version: [0-9a-f]{12}, Sequence: \\d+,.*"
                        + "Approvals: \\[Org1MSP: true, Org2MSP: true, Org3MSP: true\\]$");
    }
}
