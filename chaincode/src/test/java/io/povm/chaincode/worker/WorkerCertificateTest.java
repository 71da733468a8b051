// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import static io.povm.chaincode.worker.Identities.ORG1;
import static io.povm.chaincode.worker.Identities.ORG2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Workers;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What Register checks of a worker's certificate: a client identity, issued by the admin's own CA, not expired. */
class WorkerCertificateTest {
    private static final Instant BEFORE_EXPIRY = Instant.parse("2027-01-02T03:04:05Z");

    private static Registrar registrar(final String msp, final String adminPem) {
        return Registrar.of(Identities.caller(msp, adminPem), Identities.certificate(adminPem));
    }

    private static PovmError errorOf(final String workerPem, final Registrar registrar, final Instant at) {
        final PovmException e = catchThrowableOfType(
                PovmException.class, () -> WorkerCertificate.parse(workerPem).requireRegistrableBy(registrar, at));
        assertThat(e).as("the certificate is refused").isNotNull();
        return e.error();
    }

    @Test
    void accepts_a_client_certificate_of_the_admins_own_ca() {
        assertThatCode(() -> WorkerCertificate.parse(Workers.ORG1_USER2_CERT)
                        .requireRegistrableBy(registrar(ORG1, Workers.ORG1_ADMIN_CERT), BEFORE_EXPIRY))
                .doesNotThrowAnyException();
    }

    @Test
    void computes_the_id_fabric_will_report_for_the_worker() {
        assertThat(WorkerCertificate.parse(Workers.ORG1_USER2_CERT).fabricId())
                .isEqualTo(Identities.idOf(Workers.ORG1_USER2_CERT))
                .startsWith("x509::CN=User2@org1.povm.test, OU=client");
    }

    @Test
    void forbids_a_certificate_another_orgs_ca_issued_naming_both_issuers() {
        final PovmError error =
                errorOf(Workers.ORG2_USER2_CERT, registrar(ORG1, Workers.ORG1_ADMIN_CERT), BEFORE_EXPIRY);

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.field()).isEqualTo("certificatePem");
        assertThat(error.reason())
                .startsWith("Register: an org admin registers only identities of its own org;")
                .contains("CN=ca.org2.povm.test", "(Org1MSP) CA 'CN=ca.org1.povm.test");
    }

    @Test
    void forbids_it_for_the_other_org_too() {
        assertThat(errorOf(Workers.ORG1_USER2_CERT, registrar(ORG2, Workers.ORG2_ADMIN_CERT), BEFORE_EXPIRY)
                        .code())
                .isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void refuses_an_admin_certificate_as_a_worker_identity() {
        final PovmError error =
                errorOf(Workers.ORG1_ADMIN_CERT, registrar(ORG1, Workers.ORG1_ADMIN_CERT), BEFORE_EXPIRY);

        assertThat(error.toMessage())
                .isEqualTo("INVALID_ARGUMENT [certificatePem] must be a client identity's certificate (OU=client), as"
                        + " worker and operator identities are; it has OU=admin");
    }

    @Test
    void refuses_a_certificate_expired_at_the_transaction_time() {
        final PovmError error = errorOf(
                Workers.ORG1_USER2_CERT,
                registrar(ORG1, Workers.ORG1_ADMIN_CERT),
                Instant.parse("2040-01-01T00:00:00Z"));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.reason()).startsWith("expired at 2036-");
    }
}
