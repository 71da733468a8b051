// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.povm.api.ErrorCode;
import io.povm.api.PovmException;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class CallerRoleTest {

    private static Caller callerWithSubject(final String subject) {
        return new Caller("Org1MSP", "x509::" + subject, Caller.organizationalUnits(new X500Principal(subject)));
    }

    @Test
    void reads_the_node_ou_of_a_cryptogen_user() {
        assertThat(Caller.organizationalUnits(new X500Principal(
                        "CN=User1@org1.example.com, OU=client, L=San Francisco, ST=California, C=US")))
                .containsExactly("client");
    }

    @Test
    void reads_every_ou_in_subject_order() {
        assertThat(Caller.organizationalUnits(new X500Principal("CN=u, OU=client, OU=org1, OU=department1, O=Org1")))
                .containsExactly("client", "org1", "department1");
    }

    @Test
    void reads_ous_of_a_multi_valued_rdn() {
        assertThat(Caller.organizationalUnits(new X500Principal("CN=u, OU=client+OU=org1, O=Org1")))
                .containsExactlyInAnyOrder("client", "org1");
    }

    @Test
    void accepts_a_client_among_other_ous() {
        assertThatCode(() -> callerWithSubject("CN=u, OU=org1, OU=client").requireClient("SubmitJob"))
                .doesNotThrowAnyException();
    }

    @Test
    void forbids_a_peer_naming_its_ous() {
        final PovmException e =
                catchThrowableOfType(PovmException.class, () -> callerWithSubject("CN=peer0, OU=peer, OU=org1")
                        .requireClient("SubmitJob"));

        assertThat(e.error().code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(e.getMessage())
                .isEqualTo("FORBIDDEN [caller] SubmitJob requires a client identity (OU=client); caller has OU=peer,"
                        + " OU=org1");
    }

    @Test
    void does_not_take_a_client_cn_for_a_client_role() {
        final Caller caller = callerWithSubject("CN=client, O=client");

        assertThat(catchThrowableOfType(PovmException.class, () -> caller.requireClient("SubmitJob")))
                .isNotNull();
    }
}
