// SPDX-License-Identifier: Apache-2.0
package io.povm.client.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.PovmJson;
import io.povm.api.Submitter;
import io.povm.client.GatewayFailures;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.client.Contract;
import org.junit.jupiter.api.Test;

class MembersClientTest {
    private static final Members THREE =
            new Members(List.of("Org1MSP", "Org2MSP", "Org3MSP"), new Submitter("Org1MSP", "x509::a"), "t", "tx");

    private final Contract contract = mock(Contract.class);
    private final MembersClient members = new MembersClient(new PovmChaincode(contract, "127.0.0.1:7110"));

    @Test
    void bootstrap_submits_the_sorted_list_as_a_json_array() throws Exception {
        when(contract.submitTransaction("org:Bootstrap", "[\"Org1MSP\",\"Org2MSP\",\"Org3MSP\"]"))
                .thenReturn(PovmJson.write(THREE).getBytes(StandardCharsets.UTF_8));

        assertThat(members.bootstrap(List.of("Org3MSP", "Org1MSP", "Org2MSP"))).isEqualTo(THREE);
    }

    @Test
    void bootstrap_rejects_a_duplicate_locally() {
        assertThatThrownBy(() -> members.bootstrap(List.of("Org1MSP", "Org1MSP")))
                .isInstanceOfSatisfying(
                        PovmClientException.class,
                        e -> assertThat(e.error().orElseThrow().field()).isEqualTo("mspIds[1]"));
        verifyNoInteractions(contract);
    }

    @Test
    void members_reads_the_threshold() throws Exception {
        when(contract.evaluateTransaction("org:GetMembers", new String[0]))
                .thenReturn(PovmJson.write(THREE).getBytes(StandardCharsets.UTF_8));

        assertThat(members.members().threshold()).isEqualTo(2);
    }

    @Test
    void find_is_empty_before_the_bootstrap() throws Exception {
        when(contract.evaluateTransaction("org:GetMembers", new String[0]))
                .thenThrow(GatewayFailures.evaluateRejected("NOT_FOUND [members] the member orgs are not set yet"));

        assertThat(members.find()).isEmpty();
        assertThatThrownBy(members::members)
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.NOT_FOUND));
    }
}
