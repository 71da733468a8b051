// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.protobuf.ByteString;
import io.povm.api.Workers;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A worker registered by certificate must later be recognised when it signs: the id computed from the certificate
 * must equal what the shim's own {@link ClientIdentity} reports for a transaction signed with it.
 */
class FabricIdTest {

    /** @return the shim's ClientIdentity for a transaction whose creator is this certificate */
    private static ClientIdentity shimIdentity(final String msp, final String pem) throws Exception {
        final ChaincodeStub stub = mock(ChaincodeStub.class);
        when(stub.getCreator())
                .thenReturn(SerializedIdentity.newBuilder()
                        .setMspid(msp)
                        .setIdBytes(ByteString.copyFrom(pem, StandardCharsets.UTF_8))
                        .build()
                        .toByteArray());
        return new ClientIdentity(stub);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"org1-user2-cert.pem", "org1-admin-cert.pem", "org2-user2-cert.pem"})
    void equals_the_id_the_shim_reports_for_the_same_cryptogen_certificate(final String file) throws Exception {
        final String pem = Workers.resource(file);

        assertThat(FabricId.of(Identities.certificate(pem)))
                .isEqualTo(shimIdentity("Org1MSP", pem).getId());
    }

    @Test
    void has_the_x509_subject_issuer_form() {
        assertThat(Identities.idOf(Workers.ORG1_USER2_CERT))
                .isEqualTo("x509::CN=User2@org1.povm.test, OU=client, L=San Francisco, ST=California, C=US"
                        + "::CN=ca.org1.povm.test, O=org1.povm.test, L=San Francisco, ST=California, C=US");
    }

    @Test
    void digests_an_id_to_64_lowercase_hex_digits() {
        assertThat(FabricId.digest("x509::CN=a::CN=b")).matches("[0-9a-f]{64}");
        assertThat(FabricId.digest("x509::CN=a::CN=b")).isNotEqualTo(FabricId.digest("x509::CN=a::CN=c"));
    }
}
