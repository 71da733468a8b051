// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerValidator;
import io.povm.api.Workers;
import io.povm.chaincode.Caller;
import java.security.cert.X509Certificate;
import org.hyperledger.fabric.contract.ClientIdentity;

/** The cryptogen identities of {@link Workers} as the contract sees them: MSP, Fabric id, certificate. */
final class Identities {
    static final String ORG1 = "Org1MSP";
    static final String ORG2 = "Org2MSP";

    private Identities() {}

    static X509Certificate certificate(final String pem) {
        return WorkerValidator.parseCertificate(pem, "test");
    }

    static String idOf(final String pem) {
        return FabricId.of(certificate(pem));
    }

    /** @return a mocked identity that reports {@code msp}, the certificate's Fabric id and the certificate */
    static ClientIdentity identity(final String msp, final String pem) {
        final ClientIdentity identity = mock(ClientIdentity.class);
        lenient().when(identity.getMSPID()).thenReturn(msp);
        lenient().when(identity.getId()).thenReturn(idOf(pem));
        lenient().when(identity.getX509Certificate()).thenReturn(certificate(pem));
        return identity;
    }

    static Caller caller(final String msp, final String pem) {
        return Caller.of(identity(msp, pem));
    }

    static Actor actor(final String msp, final String pem) {
        return Actor.of(caller(msp, pem));
    }

    /** When the test workers were registered: by Org1's admin, in tx-0. */
    static final Worker.Change REGISTERED =
            new Worker.Change("2027-01-01T00:00:00.000Z", idOf(Workers.ORG1_ADMIN_CERT), "tx-0");

    /** @return {@code Org1MSP/w1}, Org1's User2 as an ACTIVE worker with the example offer */
    static Worker org1Worker() {
        return Worker.registered(
                WorkerKey.of(ORG1, "w1"),
                idOf(Workers.ORG1_USER2_CERT),
                Workers.ORG1_USER2_CERT,
                Workers.offer(),
                REGISTERED);
    }

    /** @return {@code Org2MSP/w2}, Org2's User2 as an ACTIVE worker with the example offer */
    static Worker org2Worker() {
        return Worker.registered(
                WorkerKey.of(ORG2, "w2"),
                idOf(Workers.ORG2_USER2_CERT),
                Workers.ORG2_USER2_CERT,
                Workers.offer(),
                REGISTERED);
    }
}
