// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import io.povm.api.Resources;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerRegistration;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.client.identity.Identities;

/**
 * Sample workers for unit tests: a worker certificate shaped like cryptogen's (OU=client, issued by an org CA) and an
 * EC P-256 attestation key, both generated once per test run.
 */
public final class TestWorkers {
    public static final String CERTIFICATE_PEM = certificatePem();
    public static final String ATTESTATION_KEY_PEM = attestationKeyPem();
    public static final WorkerKey W1 = WorkerKey.of("Org1MSP", "w1");

    private TestWorkers() {}

    public static WorkerOffer offer() {
        return new WorkerOffer(
                List.of("standard@1"),
                2,
                new Resources(4000, 8192, 40960),
                new Resources(1000, 2048, 10240),
                ATTESTATION_KEY_PEM);
    }

    public static WorkerRegistration registration(final String name) {
        return new WorkerRegistration(name, CERTIFICATE_PEM, offer());
    }

    /** @return an ACTIVE worker {@code key} as the chaincode would store it */
    public static Worker worker(final WorkerKey key) {
        return Worker.registered(
                key,
                "x509::CN=User2@org1.povm.test, OU=client::CN=ca.org1.povm.test",
                CERTIFICATE_PEM,
                offer(),
                new Worker.Change("2027-01-02T03:04:05.678Z", "x509::CN=Admin@org1.povm.test", "tx-" + key.name()));
    }

    private static KeyPair p256() throws GeneralSecurityException {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String attestationKeyPem() {
        try {
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'})
                            .encodeToString(p256().getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String certificatePem() {
        try {
            final KeyPair ca = p256();
            final KeyPair worker = p256();
            final Instant now = Instant.now();
            final X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    new X500Name("C=US, O=org1.povm.test, CN=ca.org1.povm.test"),
                                    BigInteger.TWO,
                                    Date.from(now.minus(Duration.ofMinutes(1))),
                                    Date.from(now.plus(Duration.ofDays(365))),
                                    new X500Name("C=US, OU=client, CN=User2@org1.povm.test"),
                                    worker.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
            return Identities.toPemString(certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
